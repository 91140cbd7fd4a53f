namespace Sn19.Host.Cli.Ctl;

using System.CommandLine;
using System.Text.Json;
using Sn19.Host.Admin;
using Sn19.Host.Configuration;
using Spectre.Console;
using Spectre.Console.Rendering;

/// <summary>What the `sn19 ctl` client commands share: --url, --token, --json, the client and error reporting.</summary>
internal static class CtlCli
{
    public const string TokenVariable = "SN19__admin__token";

    public static Option<string?> UrlOption() => new("--url")
    {
        Description = $"admin API of the node; default http://admin.host:admin.port (http://127.0.0.1:{AdminOptions.DefaultPort})",
    };

    public static Option<string?> TokenOption() => new("--token")
    {
        Description = $"admin bearer token; default admin.token from the configuration (e.g. {TokenVariable})",
    };

    public static Option<bool> JsonOption() => new("--json") { Description = "print JSON instead of a table" };

    /// <summary>
    /// Gives <paramref name="command"/> the options every ctl command has (--json, --url, --token) and runs
    /// <paramref name="body"/> with a client and the --json flag. Options the command adds itself come first.
    /// </summary>
    public static Command Calling(Command command, Func<ParseResult, AdminClient, bool, CancellationToken, Task<int>> body)
    {
        var url = UrlOption();
        var token = TokenOption();
        var json = JsonOption();
        command.Options.Add(json);
        command.Options.Add(url);
        command.Options.Add(token);
        command.SetAction((ParseResult r, CancellationToken ct) => WithClientAsync(r, url, token, client => body(r, client, r.GetValue(json), ct)));
        return command;
    }

    /// <summary>Validates --url and --token (exit 2 when bad) and runs <paramref name="body"/> with a client.</summary>
    public static async Task<int> WithClientAsync(
        ParseResult result, Option<string?> url, Option<string?> token, Func<AdminClient, Task<int>> body)
    {
        var text = result.GetValue(url);
        var secret = result.GetValue(token);
        if (text is null || secret is null)
        {
            AdminOptions configured;
            try
            {
                configured = AdminSettings.Load();
            }
            catch (ConfigurationException error)
            {
                result.InvocationConfiguration.Error.WriteLine($"sn19 ctl: {error.Message}");
                return ExitCodes.UsageOrInput;
            }

            text ??= $"http://{configured.Host}:{configured.Port}";
            secret ??= configured.Token;
        }

        if (!Uri.TryCreate(text.EndsWith('/') ? text : text + "/", UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            result.InvocationConfiguration.Error.WriteLine($"sn19 ctl: --url '{text}' is not an http(s) URL");
            return ExitCodes.UsageOrInput;
        }

        if (string.IsNullOrWhiteSpace(secret))
        {
            result.InvocationConfiguration.Error.WriteLine($"sn19 ctl: no admin token; pass --token or set {TokenVariable}");
            return ExitCodes.UsageOrInput;
        }

        using var http = new HttpClient { BaseAddress = uri, Timeout = TimeSpan.FromSeconds(30) };
        return await body(AdminClient.Create(uri, secret, http));
    }

    /// <summary>Reports a failed call: exit 2 for a rejected token, 1 otherwise.</summary>
    public static int Failed<T>(ParseResult result, AdminCallResult<T> call)
        where T : class
    {
        var what = call.Error switch
        {
            AdminCallError.Unreachable => "cannot reach the node's admin API",
            AdminCallError.Unauthorized => "the admin token was rejected",
            AdminCallError.NotFound => "not found",
            _ => "unexpected answer",
        };
        result.InvocationConfiguration.Error.WriteLine($"sn19 ctl: {what}: {call.Message}");
        return call.Error == AdminCallError.Unauthorized ? ExitCodes.UsageOrInput : ExitCodes.Failure;
    }

    /// <summary>Prints a call's answer as JSON (<c>--json</c>) or as the table <paramref name="render"/> makes; a failed
    /// call is reported instead. Returns the exit code.</summary>
    public static int Show<T>(ParseResult result, AdminCallResult<T> call, bool json, Func<T, IRenderable> render, int width)
        where T : class
    {
        if (!call.IsOk)
        {
            return Failed(result, call);
        }

        if (json)
        {
            WriteJson(result, call.Value!);
            return ExitCodes.Ok;
        }

        var console = Console(result);
        console.Profile.Width = Math.Max(console.Profile.Width, width);
        console.Write(render(call.Value!));
        return ExitCodes.Ok;
    }

    public static void WriteJson<T>(ParseResult result, T value) =>
        result.InvocationConfiguration.Output.WriteLine(JsonSerializer.Serialize(value, AdminJson.Indented));

    public static IAnsiConsole Console(ParseResult result) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(result.InvocationConfiguration.Output),
        Ansi = AnsiSupport.Detect,
        ColorSystem = ColorSystemSupport.Detect,
    });
}
