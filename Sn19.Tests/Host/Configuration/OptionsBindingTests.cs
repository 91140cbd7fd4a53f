namespace Sn19.Tests.Host.Configuration;

using Microsoft.Extensions.Configuration;
using Sn19.Host.Configuration;
using Sn19.Host.Logging;

public sealed class OptionsBindingTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private Sn19Configuration Load(string text, IReadOnlyDictionary<string, string?>? commandLine = null)
    {
        var dir = _dir;
        dir.Write("hocon/sn19.conf", text);
        return Sn19ConfigurationLoader.Load(new ConfigurationRequest
        {
            Environment = new Dictionary<string, string>(),
            HoconDirectory = Path.Combine(dir.Path, "hocon"),
            CommandLine = commandLine,
        });
    }

    [Fact]
    public void GetOptions_DurationsAndSizes_BindThroughConfigurationBinder()
    {
        var config = Load("""
            logging.file { max-size = 10M, flush-interval = 5 minutes, retained-files = 3 }
            """);

        var options = config.GetOptions<LoggingOptions>("logging");

        Assert.Equal(10L * 1024 * 1024, options.File.MaxSize.Bytes);
        Assert.Equal(TimeSpan.FromMinutes(5), options.File.FlushInterval);
        Assert.Equal(3, options.File.RetainedFiles);
        Assert.Equal("information", options.Level);
    }

    [Fact]
    public void ConfigurationBinder_TimeSpanFromHoconDuration_AfterRegister()
    {
        ConfigurationConverters.Register();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["t"] = "250ms", ["s"] = "2 KiB" })
            .Build();

        Assert.Equal(TimeSpan.FromMilliseconds(250), configuration.GetValue<TimeSpan>("t"));
        Assert.Equal(2048, configuration.GetValue<ByteSize>("s").Bytes);
    }

    [Fact]
    public void GetOptions_BadSize_NamesKeyAndSource()
    {
        var config = Load("logging.file.max-size = huge");

        var e = Assert.Throws<ConfigurationException>(() => config.GetOptions<LoggingOptions>("logging"));

        Assert.Equal("logging.file.max-size", e.Key);
        Assert.Contains("hocon/sn19.conf:1", e.Message, StringComparison.Ordinal);
        Assert.Contains("'huge' is not a size", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetOptions_BadLevelFromCommandLine_ValidateNamesKeyAndSource()
    {
        var config = Load("logging.level = information", new Dictionary<string, string?> { ["logging.level"] = "loud" });

        var e = Assert.Throws<ConfigurationException>(() => config.GetOptions<LoggingOptions>("logging"));

        Assert.Equal("logging.level", e.Key);
        Assert.Equal("command line", e.File);
        Assert.Contains("'loud' is not a level", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetOptions_BadOverrideLevel_NamesQuotedCategoryKey()
    {
        var config = Load("logging.overrides { \"Sn19.Actors\" = chatty }");

        var e = Assert.Throws<ConfigurationException>(() => config.GetOptions<LoggingOptions>("logging"));

        Assert.Equal("logging.overrides.\"Sn19.Actors\"", e.Key);
        Assert.Contains("hocon/sn19.conf:1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetOptions_RepositoryDefaults_MatchClassDefaults()
    {
        var config = Sn19ConfigurationLoader.Load(new ConfigurationRequest
        {
            Environment = new Dictionary<string, string>(),
            HoconDirectory = RepositoryPaths.Hocon,
        });

        var bound = config.GetOptions<LoggingOptions>(LoggingOptions.Section);
        var defaults = new LoggingOptions();
        Assert.Equal(defaults.Level, bound.Level);
        Assert.Equal(defaults.File.MaxSize, bound.File.MaxSize);
        Assert.Equal(defaults.File.FlushInterval, bound.File.FlushInterval);
        Assert.Equal(defaults.File.RetainedFiles, bound.File.RetainedFiles);
        Assert.Equal(defaults.File.Directory, bound.File.Directory);
        Assert.Equal(new NodeOptions().DataDir, config.GetOptions<NodeOptions>(NodeOptions.Section).DataDir);
    }

    [Fact]
    public void AddHoconFiles_PlainConfigurationBuilder_FlattensKeysWithArrayIndexes()
    {
        var file = _dir.Write("plain.conf", "a { b = [x, y], c.d = 1 }");

        var configuration = new ConfigurationBuilder().AddHoconFiles(file).Build();

        Assert.Equal("y", configuration["a:b:1"]);
        Assert.Equal("1", configuration["a:c:d"]);
        Assert.Equal(["x", "y"], configuration.GetSection("a:b").Get<string[]>()!);
    }
}
