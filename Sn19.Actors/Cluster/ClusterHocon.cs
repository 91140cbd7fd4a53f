namespace Sn19.Actors.Cluster;

using System.Globalization;
using Akka.Configuration;
using Microsoft.Extensions.Configuration;
using Sn19.Actors.Hosting;
using Sn19.Actors.Persistence;

/// <summary>
/// The part of a validator node's Akka configuration that <see cref="ClusterOptions"/> decides: the cluster
/// provider, where remoting listens, the seed nodes and roles; on PostgreSQL also the lease
/// (<see cref="PostgresLease"/>, as <c>sn19.cluster.lease</c>), which the singletons use and the split-brain
/// resolver's <c>lease-majority</c> can. Failure detection, the resolver's strategy and the other tuning live
/// in hocon/defaults/akka.conf, where an operator reads and overrides them.
/// </summary>
public static class ClusterHocon
{
    /// <summary>The configuration path of the lease.</summary>
    public const string LeasePath = "sn19.cluster.lease";

    /// <summary>A validator cluster node's whole Akka configuration: this part over <see cref="NodeConfig.Build"/>.</summary>
    public static Config Build(ClusterOptions options, string systemName, PersistenceOptions persistence, IConfigurationSection? akka = null) =>
        ConfigurationFactory.ParseString(For(options, systemName, persistence)).WithFallback(NodeConfig.Build(akka, persistence));

    public static string For(ClusterOptions options, string systemName, PersistenceOptions persistence)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(persistence);
        var seeds = options.SeedNodes.Select(s =>
        {
            ClusterOptions.TryParseHostPort(s, out var host, out var port);
            return $"\"akka.tcp://{systemName}@{host}:{port.ToString(CultureInfo.InvariantCulture)}\"";
        });
        return $$"""
            akka.actor.provider = cluster
            akka.remote.dot-netty.tcp {
              hostname = "{{options.Hostname}}"
              port = {{options.Port.ToString(CultureInfo.InvariantCulture)}}
            }
            akka.cluster {
              seed-nodes = [{{string.Join(", ", seeds)}}]
              roles = [{{string.Join(", ", options.AkkaRoles.Select(r => $"\"{Escape(r)}\""))}}]
            }
            """ + (persistence.Provider == "postgres" ? "\n" + Lease(persistence.Postgres) : "");
    }

    /// <summary>A lease row is renewed every 2 s and lasts 6 s: a dead node's singletons can move about 6 s after
    /// it stopped renewing, within the ~10 s failover the resolver's settings aim at.</summary>
    private static string Lease(PostgresPersistenceOptions postgres) => $$"""
        {{LeasePath}} {
          lease-class = "{{typeof(PostgresLease).FullName}}, {{typeof(PostgresLease).Assembly.GetName().Name}}"
          heartbeat-interval = 2s
          heartbeat-timeout = 6s
          lease-operation-timeout = 5s
          connection-string = "{{Escape(postgres.ConnectionString)}}"
          schema = "{{Escape(postgres.Schema)}}"
        }
        akka.cluster.singleton.use-lease = "{{LeasePath}}"
        akka.cluster.split-brain-resolver.lease-majority.lease-implementation = "{{LeasePath}}"
        """;

    private static string Escape(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
}
