namespace Sn19.Host.Cli.Chain;

using System.CommandLine;
using System.Text.Json;
using Sn19.Actors.Chain;
using Sn19.Actors.Chain.Http;
using Spectre.Console;

/// <summary>What the `sn19 chain` client commands share: --url, --json, the HTTP client and error reporting.</summary>
internal static class ChainCli
{
    public static JsonSerializerOptions IndentedJson { get; } = new(ChainJson.Options) { WriteIndented = true };

    public static Option<string> UrlOption() => new("--url")
    {
        Description = "chain server URL (`sn19 chain serve`); default from chain.url",
        DefaultValueFactory = _ => new ChainOptions().Url,
    };

    public static Option<bool> JsonOption() => new("--json") { Description = "print JSON instead of a table" };

    public static Option<string> HotkeyOption() => new("--hotkey") { Description = "hotkey SS58 address", Required = true };

    public static Option<string> ColdkeyOption() => new("--coldkey") { Description = "coldkey SS58 address", Required = true };

    /// <summary>Runs <paramref name="body"/> against the server named by --url; exit 2 on a malformed URL.</summary>
    public static async Task<int> WithClientAsync(
        ParseResult result, Option<string> url, Func<IChain, CancellationToken, Task<int>> body, CancellationToken cancellationToken)
    {
        var text = result.GetValue(url) ?? "";
        if (!Uri.TryCreate(text.EndsWith('/') ? text : text + "/", UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            result.InvocationConfiguration.Error.WriteLine($"sn19 chain: --url '{text}' is not an http(s) URL");
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

    public static IAnsiConsole Console(ParseResult result) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(result.InvocationConfiguration.Output),
        Ansi = AnsiSupport.Detect,
        ColorSystem = ColorSystemSupport.Detect,
    });

    public static string Proportion(ushort value) => (value / 65535.0).ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture);

    public static string Tao(ulong rao) => (rao / 1e9).ToString("0.000000000", System.Globalization.CultureInfo.InvariantCulture);
}
