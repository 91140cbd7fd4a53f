namespace Sn19.Tests.Host.Configuration;

using Sn19.Host.Configuration;
using Sn19.Host.Configuration.Hocon;
using Sn19.Tests.TestSupport;

public sealed class Sn19ConfigurationLoaderTests : IDisposable
{
    private static readonly IReadOnlyDictionary<string, string> NoEnvironment = new Dictionary<string, string>();

    private readonly TempDirectory _dir = new();

    public Sn19ConfigurationLoaderTests()
    {
        _dir.Write("hocon/sn19.conf", """
            # defaults
            include "defaults/app.conf"
            """);
        _dir.Write("hocon/defaults/app.conf", """
            app {
              name = base
              level = information
              seeds = [a]
              data-dir = /data
              timeout = 30s
            }
            """);
        _dir.Write("hocon/validator.conf", """
            app.name = validator
            app.seeds += b
            """);
    }

    public void Dispose() => _dir.Dispose();

    private Sn19Configuration Load(string? role = "validator", string? configFile = null,
        IReadOnlyDictionary<string, string>? environment = null, IReadOnlyDictionary<string, string?>? commandLine = null) =>
        Sn19ConfigurationLoader.Load(new ConfigurationRequest
        {
            Role = role,
            ConfigFile = configFile,
            Environment = environment ?? NoEnvironment,
            CommandLine = commandLine,
            HoconDirectory = Path.Combine(_dir.Path, "hocon"),
        });

    [Fact]
    public void Load_BaseOnly_GivesDefaultsWithFileAndLine()
    {
        var config = Load(role: null);

        Assert.Equal("base", config.Root["app:name"]);
        Assert.Equal("hocon/defaults/app.conf:2", config.SourceOf("app.name"));
        Assert.Equal(["hocon/sn19.conf"], config.Files);
    }

    [Fact]
    public void Load_RoleFile_OverridesAndAppendsToDefaults()
    {
        var config = Load();

        Assert.Equal("validator", config.Root["app:name"]);
        Assert.Equal("hocon/validator.conf:1", config.SourceOf("app:name"));
        Assert.Equal("a", config.Root["app:seeds:0"]);
        Assert.Equal("b", config.Root["app:seeds:1"]);
        Assert.Equal("hocon/defaults/app.conf:4", config.SourceOf("app.seeds.0"));
        Assert.Equal("hocon/validator.conf:2", config.SourceOf("app.seeds.1"));
    }

    [Fact]
    public void Load_ConfigFile_OverridesRoleFile()
    {
        var file = _dir.Write("site/my.conf", "app { name = mine, level = ${app.name}-debug }");

        var config = Load(configFile: file);

        Assert.Equal("mine", config.Root["app:name"]);
        Assert.Equal("mine-debug", config.Root["app:level"]);
        Assert.EndsWith("my.conf:1", config.SourceOf("app.name"), StringComparison.Ordinal);
        Assert.Equal(3, config.Files.Count);
    }

    [Fact]
    public void Load_EnvironmentVariable_OverridesFilesAndIsTraced()
    {
        var config = Load(environment: new Dictionary<string, string> { ["SN19__app__name"] = "from-env", ["OTHER"] = "x" });

        Assert.Equal("from-env", config.Root["app:name"]);
        Assert.Equal("env SN19__app__name", config.SourceOf("app.name"));
        Assert.Null(config.SourceOf("OTHER"));
    }

    [Fact]
    public void Load_EnvironmentVariableUpperCaseWithUnderscore_MapsToDashedKey()
    {
        var config = Load(environment: new Dictionary<string, string> { ["SN19__APP__DATA_DIR"] = "/elsewhere" });

        Assert.Equal("/elsewhere", config.Root["app:data-dir"]);
        Assert.Equal("env SN19__APP__DATA_DIR", config.SourceOf("app.data-dir"));
        Assert.Single(config.Entries(), e => e.Key == "app.data-dir");
    }

    [Fact]
    public void Load_CommandLine_OverridesEnvironment()
    {
        var config = Load(
            environment: new Dictionary<string, string> { ["SN19__app__name"] = "from-env" },
            commandLine: new Dictionary<string, string?> { ["app.name"] = "from-cli", ["app.\"x.y\""] = "1" });

        Assert.Equal("from-cli", config.Root["app:name"]);
        Assert.Equal("command line", config.SourceOf("app.name"));
        Assert.Equal("1", config.Root["app:x.y"]);
    }

    [Fact]
    public void Load_HoconSubstitution_FallsBackToRequestEnvironment()
    {
        var file = _dir.Write("env.conf", "app.data-dir = ${?SN19_TEST_DATA}");

        var config = Load(configFile: file, environment: new Dictionary<string, string> { ["SN19_TEST_DATA"] = "/from/env" });

        Assert.Equal("/from/env", config.Root["app:data-dir"]);
        Assert.StartsWith("env SN19_TEST_DATA via ", config.SourceOf("app.data-dir"), StringComparison.Ordinal);
    }

    [Fact]
    public void Entries_ListEveryLeafWithSourceInKeyOrder()
    {
        var entries = Load().Entries();

        Assert.Equal(["app.data-dir", "app.level", "app.name", "app.seeds.0", "app.seeds.1", "app.timeout"], entries.Select(e => e.Key));
        Assert.All(entries, e => Assert.StartsWith("hocon/", e.Source, StringComparison.Ordinal));
    }

    [Fact]
    public void Load_UnknownRole_ThrowsNamingRoles()
    {
        var e = Assert.Throws<ConfigurationException>(() => Load(role: "nope"));

        Assert.Equal("role", e.Key);
        Assert.Contains("validator", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingConfigFile_Throws()
    {
        var e = Assert.Throws<ConfigurationException>(() => Load(configFile: Path.Combine(_dir.Path, "absent.conf")));

        Assert.Contains("absent.conf", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MalformedConfigFile_ThrowsHoconExceptionWithFileAndLine()
    {
        var file = _dir.Write("broken.conf", "app {\n  name = ok\n  level = [\n");

        var e = Assert.Throws<HoconException>(() => Load(configFile: file));

        Assert.EndsWith("broken.conf", e.File, StringComparison.Ordinal);
        Assert.Equal(4, e.Line);
        Assert.Equal("app.level", e.Key);
    }

    [Fact]
    public void Load_RepositoryHocon_EveryRoleLoadsAndLoggingDefaultsAreTraced()
    {
        foreach (var (role, level, source) in new[]
        {
            // The local subnet's tables are its output, so its role file quiets the logs.
            ("local", "warning", "hocon/local.conf:39"),
            ("validator", "information", "hocon/defaults/logging.conf:4"),
            ("miner", "information", "hocon/defaults/logging.conf:4"),
        })
        {
            var config = Sn19ConfigurationLoader.Load(new ConfigurationRequest
            {
                Role = role,
                Environment = NoEnvironment,
                HoconDirectory = TestPaths.Hocon,
            });

            Assert.Equal(level, config.Root["logging:level"]);
            Assert.Equal(source, config.SourceOf("logging.level"));
        }
    }
}
