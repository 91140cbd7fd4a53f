namespace Sn19.Tests.Host.Cli.Config;

using System.CommandLine;
using System.Text.Json;
using Sn19.Host.Cli;
using Sn19.Tests.Host.Configuration;

/// <summary>`sn19 config show` run as a real process from the test output folder.</summary>
public sealed class ConfigShowCommandTests : IDisposable
{
    private static readonly Dictionary<string, string> NoOverrides = [];

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static JsonElement Value(JsonDocument json, string key) => json.RootElement.GetProperty("values").GetProperty(key);

    [Fact]
    public async Task ConfigShow_Json_PrintsValuesWithSources()
    {
        var result = await Sn19Process.RunAsync(NoOverrides, "config", "show", "--role", "validator", "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal("validator", json.RootElement.GetProperty("role").GetString());
        Assert.Equal("information", Value(json, "logging.level").GetProperty("value").GetString());
        Assert.Equal("hocon/defaults/logging.conf:4", Value(json, "logging.level").GetProperty("source").GetString());
        Assert.Equal("hocon/defaults/node.conf:5", Value(json, "node.data-dir").GetProperty("source").GetString());
    }

    [Fact]
    public async Task ConfigShow_EnvironmentOverride_ChangesValueAndSource()
    {
        var result = await Sn19Process.RunAsync(
            new Dictionary<string, string> { ["SN19__logging__level"] = "debug" }, "config", "show", "--role", "validator", "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal("debug", Value(json, "logging.level").GetProperty("value").GetString());
        Assert.Equal("env SN19__logging__level", Value(json, "logging.level").GetProperty("source").GetString());
    }

    [Fact]
    public async Task ConfigShow_ConfigFileAndSet_AreLayeredInOrder()
    {
        var file = _dir.Write("site.conf", "logging { level = warning }\nnode.data-dir = /srv/sn19\n");

        var result = await Sn19Process.RunAsync(NoOverrides, "config", "show", "--config", file, "--set", "node.data-dir=/tmp/x", "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal("warning", Value(json, "logging.level").GetProperty("value").GetString());
        Assert.EndsWith("site.conf:1", Value(json, "logging.level").GetProperty("source").GetString(), StringComparison.Ordinal);
        Assert.Equal("/tmp/x", Value(json, "node.data-dir").GetProperty("value").GetString());
        Assert.Equal("command line", Value(json, "node.data-dir").GetProperty("source").GetString());
    }

    [Fact]
    public async Task ConfigShow_MalformedFile_NamesFileAndLineAndExitsWith2()
    {
        var file = _dir.Write("bad.conf", "logging {\n  level = debug\n  file { max-size = \"64MiB }\n}\n");

        var result = await Sn19Process.RunAsync(NoOverrides, "config", "show", "--config", file, "--json");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("bad.conf:3:", result.Error, StringComparison.Ordinal);
        Assert.Contains("unterminated quoted string", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.Equal("", result.Output);
    }

    [Fact]
    public void ConfigShow_Table_ListsKeysValuesAndSources()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var code = RootCommandFactory.Create().Parse(["config", "show", "--role", "miner", "--set", "logging.level=error"])
            .Invoke(new InvocationConfiguration { Output = output, Error = error });

        Assert.Equal(0, code);
        var text = output.ToString();
        Assert.Contains("role: miner", text, StringComparison.Ordinal);
        var levelRow = text.Split('\n').Single(l => l.Contains("logging.level", StringComparison.Ordinal));
        Assert.Contains("error", levelRow, StringComparison.Ordinal);
        Assert.Contains("command line", levelRow, StringComparison.Ordinal);
        Assert.Contains("hocon/defaults/node.conf:5", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--role", "wizard", "unknown role 'wizard'")]
    [InlineData("--set", "no-equals-sign", "--set expects KEY=VALUE")]
    [InlineData("--set", "a..b=1", "is not a valid key")]
    public void ConfigShow_BadInput_ExitsWith2AndSaysWhy(string option, string value, string message)
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var code = RootCommandFactory.Create().Parse(["config", "show", option, value])
            .Invoke(new InvocationConfiguration { Output = output, Error = error });

        Assert.Equal(2, code);
        Assert.Contains(message, error.ToString(), StringComparison.Ordinal);
    }
}
