namespace Sn19.Host.Signer;

using System.Runtime.Versioning;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Sn19.Actors.Signing;

/// <summary>
/// The <c>sn19 signer</c> process: reads the tokens file and exactly the hotkey files it names, opens the
/// socket and serves until cancelled, then removes the socket. Set-up problems are reported on
/// <paramref name="error"/> and give exit code 2.
/// </summary>
[UnsupportedOSPlatform("windows")]
internal static class SignerHost
{
    public static async Task<int> RunAsync(
        SignerOptions options,
        ILoggerFactory loggers,
        TextWriter error,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggers);
        ArgumentNullException.ThrowIfNull(error);
        var logger = loggers.CreateLogger("Sn19.Signer");
        string socketPath;
        SignerPolicy policy;
        Dictionary<string, IMessageSigner> keys;
        System.Net.Sockets.Socket listener;
        try
        {
            options.Validate();
            socketPath = PathExpansion.Expand(options.SocketPath);
            policy = new SignerPolicy(ReadTokens(PathExpansion.Expand(options.TokensFile), options.RequirePrivateFiles).Clients);
            keys = SignerKeyFiles.Load(PathExpansion.Expand(options.WalletsPath), policy.Hotkeys, options.RequirePrivateFiles);
            listener = SignerSocket.Listen(socketPath, backlog: options.MaxConnections, options.SocketOwnerUid);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or IOException or UnauthorizedAccessException
                                   or System.Net.Sockets.SocketException)
        {
            await error.WriteLineAsync($"sn19 signer: {e.Message}");
            return Cli.ExitCodes.UsageOrInput;
        }

        foreach (var (hotkey, key) in keys)
        {
            SignerServerLog.HotkeyLoaded(logger, hotkey, key.Ss58Address);
        }

        using (listener)
        {
            var core = new SignerCore(policy, keys, TimeProvider.System, options.NonceWindow, logger);
            var server = new SignerServer(core, SignerServerLimits.From(options), TimeProvider.System, logger);
            SignerServerLog.Listening(logger, socketPath, policy.ClientCount, keys.Count);
            try
            {
                await server.RunAsync(listener, cancellationToken);
            }
            finally
            {
                File.Delete(socketPath);
                SignerServerLog.Stopped(logger, socketPath);
            }
        }

        return Cli.ExitCodes.Ok;
    }

    private static SignerTokensFile ReadTokens(string path, bool requirePrivate)
    {
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"tokens file '{path}' does not exist (create entries with `sn19 signer new-token`)");
        }

        if (requirePrivate && (File.GetUnixFileMode(path) & (UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)) != 0)
        {
            throw new InvalidOperationException($"tokens file '{path}' can be written by group or others; run chmod 600 on it");
        }

        try
        {
            return SignerTokensFile.Parse(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"tokens file '{path}': {e.Message}", e);
        }
    }
}
