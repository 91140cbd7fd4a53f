namespace Sn19.Tests.Host.Admin;

using Sn19.Actors.Kernel;
using Sn19.Actors.Persistence;
using Sn19.Host.Admin;
using Sn19.Host.Configuration;

/// <summary>hocon/defaults/actors.conf and persistence.conf bind to the options classes and agree with their defaults.</summary>
public sealed class ActorConfigurationTests
{
    private static Sn19Configuration Load(Dictionary<string, string>? environment = null) =>
        Sn19ConfigurationLoader.Load(new ConfigurationRequest { Environment = environment ?? [] });

    [Fact]
    public void Defaults_FromHocon_MatchOptionClassDefaults()
    {
        var configuration = Load();

        var actors = configuration.GetOptions<ActorSystemOptions>("actors");
        var persistence = configuration.GetOptions<PersistenceOptions>("persistence");
        var admin = configuration.GetOptions<AdminOptions>("admin");

        var defaultActors = new ActorSystemOptions();
        Assert.Equal(defaultActors.MailboxCapacity, actors.MailboxCapacity);
        Assert.Equal(defaultActors.PassivateAfter, actors.PassivateAfter);
        Assert.Equal(defaultActors.AskTimeout, actors.AskTimeout);
        Assert.Equal(defaultActors.ShutdownTimeout, actors.ShutdownTimeout);
        Assert.Equal(defaultActors.Supervision, actors.Supervision);
        var defaultPersistence = new PersistenceOptions();
        Assert.Equal(defaultPersistence.Provider, persistence.Provider);
        Assert.Equal(defaultPersistence.SnapshotEvery, persistence.SnapshotEvery);
        Assert.Equal(defaultPersistence.Sqlite.Path, persistence.Sqlite.Path);
        Assert.Equal(defaultPersistence.Sqlite.Synchronous, persistence.Sqlite.Synchronous);
        Assert.Equal(defaultPersistence.Postgres.Schema, persistence.Postgres.Schema);
        Assert.Equal(defaultPersistence.Postgres.MaxPoolSize, persistence.Postgres.MaxPoolSize);
        Assert.Equal(AdminOptions.DefaultPort, admin.Port);
        Assert.Equal("127.0.0.1", admin.Host);
        Assert.Equal(string.Empty, admin.Token);
        actors.Validate();
    }

    [Fact]
    public void Environment_OverridesNestedKeys()
    {
        var configuration = Load(new Dictionary<string, string>
        {
            ["SN19__actors__supervision__max_restarts"] = "9",
            ["SN19__actors__supervision__min_backoff"] = "250ms",
            ["SN19__admin__token"] = "from-env",
        });

        var actors = configuration.GetOptions<ActorSystemOptions>("actors");

        Assert.Equal(9, actors.Supervision.MaxRestarts);
        Assert.Equal(TimeSpan.FromMilliseconds(250), actors.Supervision.MinBackoff);
        Assert.Equal("from-env", configuration.GetOptions<AdminOptions>("admin").Token);
    }

    [Fact]
    public void Validate_BadValues_NameTheKey()
    {
        Assert.Contains("actors.mailbox-capacity", Assert.Throws<ArgumentException>(() => new ActorSystemOptions { MailboxCapacity = 0 }.Validate()).Message, StringComparison.Ordinal);
        Assert.Contains("persistence.provider", Assert.Throws<ArgumentException>(() => new PersistenceOptions { Provider = "redis" }.Validate()).Message, StringComparison.Ordinal);
        Assert.Contains("admin.token", Assert.Throws<ArgumentException>(() => new AdminOptions().Validate()).Message, StringComparison.Ordinal);
    }
}
