namespace Sn19.Host.Cli.Chain;

using System.CommandLine;
using System.Text.Json;
using Sn19.Actors.Chain;
using Sn19.Actors.Chain.Http;
using Sn19.Host.Cli.Config;
using Sn19.Host.Configuration;
using Spectre.Console;

/// <summary>What the `sn19 chain` client commands share: --url, --json, the HTTP client and error reporting.</summary>
internal static class ChainCli
{
    public static JsonSerializerOptions IndentedJson { get; } = new(ChainJson.Options) { WriteIndented = true };

    public static Option<string?> UrlOption() => new("--url")
    {
        Description = "chain server URL (`sn19 chain serve`); default: chain.url from the configuration",
    };

    public static Option<bool> JsonOption() => new("--json") { Description = "print JSON instead of a table" };

    public static Option<string> HotkeyOption() => new("--hotkey") { Description = "hotkey SS58 address", Required = true };

    public static Option<string> ColdkeyOption() => new("--coldkey") { Description = "coldkey SS58 address", Required = true };

    /// <summary>The validated <c>chain</c> section of a loaded configuration.</summary>
    /// <exception cref="ConfigurationException">a value cannot be bound or is out of range.</exception>
    public static ChainOptions Bind(Sn19Configuration configuration)
    {
        var options = OptionsBinder.Bind<ChainOptions>(configuration.Root, ChainOptions.Section);
        return options.Validate() is { } problem ? throw new ConfigurationException(problem) : options;
    }

    /// <summary>Adds --url plus --config/--set to a client command; returns both.</summary>
    public static (Option<string?> Url, ConfigurationCliOptions Config) AddClientOptions(Command command)
    {
        var url = UrlOption();
        command.Options.Add(url);
        return (url, ConfigurationCliOptions.AddTo(command));
    }

    /// <summary>Runs <paramref name="body"/> against the server named by --url, or by chain.url from the configuration
    /// when --url is absent; exit 2 on a malformed URL or configuration.</summary>
    public static Task<int> WithClientAsync(
        ParseResult result,
        (Option<string?> Url, ConfigurationCliOptions Config) options,
        Func<IChain, CancellationToken, Task<int>> body,
        CancellationToken cancellationToken)
    {
        if (result.GetValue(options.Url) is { } given)
        {
            return WithClientAsync(result, given, body, cancellationToken);
        }

        return options.Config.RunAsync(result, role: null, (c, ct) => WithClientAsync(result, Bind(c).Url, body, ct), cancellationToken);
    }

    private static async Task<int> WithClientAsync(
        ParseResult result, string text, Func<IChain, CancellationToken, Task<int>> body, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(text.EndsWith('/') ? text : text + "/", UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            result.InvocationConfiguration.Error.WriteLine(ChainOptions.IsSubtensorUrl(text)
                ? $"sn19 chain: '{text}' is a Subtensor node: this command serves the local chain; `sn19 chain metagraph --url {text} --netuid N` reads a subnet "
                    + "there, and a validator or miner runs on it with chain.url"
                : $"sn19 chain: --url '{text}' is not an http(s) URL");
            return ExitCodes.UsageOrInput;
        }

        using var http = new HttpClient { BaseAddress = uri, Timeout = TimeSpan.FromSeconds(30) };
        return await body(new HttpChainClient(http), cancellationToken);
    }

    /// <summary>Prints a refusal; exit 1 (the chain said no or could not be reached).</summary>
    public static int Refused(ParseResult result, ChainError? error)
    {
        result.InvocationConfiguration.Error.WriteLine($"sn19 chain: {error?.Code}: {error?.Message}");
        return ExitCodes.Failure;
    }

    public static void WriteJson<T>(ParseResult result, T value) =>
        result.InvocationConfiguration.Output.WriteLine(JsonSerializer.Serialize(value, IndentedJson));

    /// <summary>A Spectre console on the command's output; plain and 200 columns wide when that is not a terminal
    /// (a pipe, a file, a test), so wide tables are not wrapped cell by cell.</summary>
    public static IAnsiConsole Console(ParseResult result)
    {
        var writer = result.InvocationConfiguration.Output;
        var terminal = ReferenceEquals(writer, System.Console.Out) && !System.Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        });
        if (!terminal)
        {
            console.Profile.Width = 200;
        }

        return console;
    }

    public static string Proportion(ushort value) => (value / 65535.0).ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture);

    public static string Tao(ulong rao) => (rao / 1e9).ToString("0.000000000", System.Globalization.CultureInfo.InvariantCulture);
}
