namespace Sn19.Tests.Host.Admin;

using Sn19.Actors.Hosting;
using Sn19.Actors.Persistence;
using Sn19.Host.Admin;
using Sn19.Host.Configuration;

/// <summary>
/// hocon/defaults/akka.conf, admin.conf and persistence.conf: they bind to the options classes and agree with
/// their defaults, and the resolved <c>akka</c> section (every layer, environment included) is what Akka gets.
/// </summary>
public sealed class ActorConfigurationTests
{
    private static Sn19Configuration Load(Dictionary<string, string>? environment = null) =>
        Sn19ConfigurationLoader.Load(new ConfigurationRequest { Environment = environment ?? [] });

    [Fact]
    public void Defaults_FromHocon_MatchOptionClassDefaults()
    {
        var configuration = Load();

        var persistence = configuration.GetOptions<PersistenceOptions>("persistence");
        var admin = configuration.GetOptions<AdminOptions>("admin");

        var defaultPersistence = new PersistenceOptions();
        Assert.Equal(defaultPersistence.Provider, persistence.Provider);
        Assert.Equal(defaultPersistence.SnapshotEvery, persistence.SnapshotEvery);
        Assert.Equal(defaultPersistence.Sqlite.Path, persistence.Sqlite.Path);
        Assert.Equal(defaultPersistence.Postgres.Schema, persistence.Postgres.Schema);
        Assert.Equal(defaultPersistence.Postgres.MaxPoolSize, persistence.Postgres.MaxPoolSize);
        Assert.Equal(AdminOptions.DefaultPort, admin.Port);
        Assert.Equal("127.0.0.1", admin.Host);
        Assert.Equal(string.Empty, admin.Token);
        Assert.Equal(new AdminOptions().SummaryTimeout, admin.SummaryTimeout);
    }

    [Fact]
    public void AkkaSection_ReachesAkkaResolved_WithPersistenceAndSerializer()
    {
        var configuration = Load();

        var akka = NodeConfig.Build(configuration.Root.GetSection("akka"), configuration.GetOptions<PersistenceOptions>("persistence"));

        Assert.Equal(TimeSpan.FromSeconds(5), akka.GetTimeSpan("akka.actor.ask-timeout"));
        Assert.Equal("WARNING", akka.GetString("akka.loglevel"));
        Assert.Equal(100, akka.GetInt("akka.persistence.journal.sql.batch-size"));
        Assert.Equal("SQLite.MS", akka.GetString("akka.persistence.journal.sql.provider-name"));
        Assert.Equal("akka.persistence.snapshot-store.sql", akka.GetString("akka.persistence.snapshot-store.plugin"));
        Assert.Equal("sn19-journal", akka.GetString("akka.actor.serialization-bindings.\"Sn19.Actors.Subnet.Contenders.ContenderEvent, Sn19.Actors\""));
    }

    [Fact]
    public void Environment_OverridesNestedKeys_AkkaIncluded()
    {
        var configuration = Load(new Dictionary<string, string>
        {
            ["SN19__akka__loglevel"] = "ERROR",
            ["SN19__akka__persistence__journal__sql__batch_size"] = "250",
            ["SN19__admin__token"] = "from-env",
        });

        var akka = NodeConfig.Build(configuration.Root.GetSection("akka"), new PersistenceOptions());

        Assert.Equal("ERROR", akka.GetString("akka.loglevel"));
        Assert.Equal(250, akka.GetInt("akka.persistence.journal.sql.batch-size"));
        Assert.Equal("from-env", configuration.GetOptions<AdminOptions>("admin").Token);
    }

    [Fact]
    public void Validate_BadValues_NameTheKey()
    {
        Assert.Contains("persistence.provider", Assert.Throws<ArgumentException>(() => new PersistenceOptions { Provider = "redis" }.Validate()).Message, StringComparison.Ordinal);
        Assert.Contains("admin.token", Assert.Throws<ArgumentException>(() => new AdminOptions().Validate()).Message, StringComparison.Ordinal);
    }
}
