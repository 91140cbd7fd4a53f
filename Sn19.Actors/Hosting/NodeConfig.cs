namespace Sn19.Actors.Hosting;

using Akka.Configuration;
using Akka.Persistence.Sql;
using Microsoft.Extensions.Configuration;
using Sn19.Actors.Persistence;

/// <summary>
/// The whole Akka configuration of a node, in one place, for the product and its tests alike:
///   1. the <c>akka</c> section of Sn19's own configuration (hocon/defaults/akka.conf and every layer above);
///   2. the journal and snapshot store from <c>persistence</c>;
///   3. the journal serializer bound to the persisted types (code facts, not settings);
///   4. Akka.Persistence.Sql's own defaults underneath.
/// </summary>
public static class NodeConfig
{
    /// <param name="persistence">The journal and snapshot store; null for a node that persists nothing (a miner).</param>
    public static Config Build(IConfigurationSection? akka, PersistenceOptions? persistence)
    {
        var settings = akka is null ? string.Empty : AkkaHocon.Render(akka);
        return ConfigurationFactory.ParseString(settings)
            .WithFallback(ConfigurationFactory.ParseString(persistence is null ? string.Empty : SqlPersistenceHocon.For(persistence)))
            .WithFallback(ConfigurationFactory.ParseString(SerializerBindings()))
            .WithFallback(ConfigurationFactory.ParseString(Quiet))
            .WithFallback(SqlPersistence.DefaultConfiguration);
    }

    /// <summary>Under every file: Akka never prints to stdout (a command's stdout may be data); its log
    /// events go to the node's logging at WARNING and above.</summary>
    private const string Quiet = """
        akka.stdout-loglevel = OFF
        akka.loglevel = WARNING
        akka.log-dead-letters-during-shutdown = off
        """;

    private static string SerializerBindings()
    {
        var name = $"{typeof(JournalSerializer).FullName}, {typeof(JournalSerializer).Assembly.GetName().Name}";
        var bindings = string.Join('\n', PersistedTypes.BoundTypes.Select(t => $"\"{t.FullName}, {t.Assembly.GetName().Name}\" = sn19-journal"));
        return $$"""
            akka.actor {
              serializers { sn19-journal = "{{name}}" }
              serialization-bindings {
                {{bindings}}
              }
              serialization-identifiers { "{{name}}" = {{JournalSerializer.Id}} }
            }
            """;
    }
}
