namespace Sn19.Host.Cli.Signer;

using System.CommandLine;
using Sn19.Actors.Signing;
using Sn19.Host.Signer;

/// <summary>
/// The options a command needs to ask a running signer for signatures as one of its clients (socket,
/// client name, token file, WALLET/HOTKEY), and the connection with the CLI's exit codes for a refusal.
/// </summary>
internal sealed class SignerClientCliOptions
{
    private readonly Option<string> _socket;
    private readonly Option<string> _name;
    private readonly Option<string> _tokenFile;
    private readonly Option<string> _hotkey;

    /// <summary>Adds the four options to <paramref name="command"/>; <paramref name="nameHint"/> says which grant the client needs.</summary>
    public SignerClientCliOptions(Command command, string nameHint)
    {
        var defaults = new SignerClientOptions();
        _socket = new Option<string>("--socket-path") { Description = "The signer's socket", DefaultValueFactory = _ => defaults.SocketPath };
        _name = new Option<string>("--name") { Description = nameHint, Required = true };
        _tokenFile = new Option<string>("--token-file") { Description = "File holding the client's token (mode 0600)", Required = true };
        _hotkey = new Option<string>("--hotkey") { Description = "WALLET/HOTKEY to sign with", DefaultValueFactory = _ => defaults.Hotkey };
        foreach (var option in new[] { _socket, _name, _tokenFile, _hotkey })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The hotkey (WALLET/HOTKEY) given on the command line.</summary>
    public string Hotkey(ParseResult result) => result.GetValue(_hotkey)!;

    /// <summary>
    /// Connects as the client; on failure writes "<paramref name="commandName"/>: reason" and returns the exit
    /// code (1 when the signer cannot be reached, 2 for a refusal or bad input).
    /// </summary>
    public async Task<(IHotkeySigner? Signer, int Exit)> ConnectAsync(ParseResult result, string commandName, CancellationToken cancellationToken)
    {
        var options = new SignerClientOptions
        {
            SocketPath = result.GetValue(_socket)!,
            Name = result.GetValue(_name)!,
            TokenFile = result.GetValue(_tokenFile)!,
            Hotkey = result.GetValue(_hotkey)!,
        };
        var (signer, problem) = await HotkeySigners.ConnectAsync(options, cancellationToken);
        if (signer is not null)
        {
            return (signer, ExitCodes.Ok);
        }

        await result.InvocationConfiguration.Error.WriteLineAsync($"{commandName}: {problem}");
        return (null, problem.Contains("unreachable", StringComparison.Ordinal) ? ExitCodes.Failure : ExitCodes.UsageOrInput);
    }

    /// <summary>Closes a signer connection made by <see cref="ConnectAsync"/>.</summary>
    public static async ValueTask DisconnectAsync(IHotkeySigner signer)
    {
        if (signer is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
    }
}
