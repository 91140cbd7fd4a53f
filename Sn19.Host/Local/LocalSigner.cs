namespace Sn19.Host.Local;

using System.Runtime.Versioning;
using Microsoft.Extensions.Logging;
using Sn19.Actors.Crypto;
using Sn19.Actors.Signing;
using Sn19.Host.Admin;
using Sn19.Host.Signer;

/// <summary>
/// The signer of a local cluster: the validator's development key served on a Unix socket in the data directory,
/// under the same policy and server as `sn19 signer`, so the validator node processes sign as production nodes do
/// (the secret key never leaves this process). One client, <c>validator</c>, may ask for request envelopes and
/// weights; its token is kept with mode 0600 next to the socket.
/// </summary>
[UnsupportedOSPlatform("windows")]
internal sealed class LocalSigner : IAsyncDisposable
{
    public const string ClientName = "validator";
    public const string HotkeyName = "local/validator";

    private readonly CancellationTokenSource _stop;
    private readonly Task _serving;

    private LocalSigner(string socketPath, string tokenFile, CancellationTokenSource stop, Task serving)
    {
        SocketPath = socketPath;
        TokenFile = tokenFile;
        _stop = stop;
        _serving = serving;
    }

    public string SocketPath { get; }

    public string TokenFile { get; }

    public static LocalSigner Start(string dataDir, Sr25519Keypair validatorKey, ILogger logger)
    {
        var socketPath = Path.GetFullPath(Path.Combine(dataDir, "signer.sock"));
        var tokenFile = Path.GetFullPath(Path.Combine(dataDir, "validator.token"));
        // The admin token file's rules (random, 0600, reused) suit the signer client's token too.
        var token = AdminTokenFile.ReadOrCreate(tokenFile);
        var grant = new SignerGrant
        {
            Name = ClientName,
            TokenSha256 = SignerTokens.Hash(token),
            Hotkeys = [HotkeyName],
            Kinds = [SignKinds.RequestEnvelope, SignKinds.Weights],
        };
        var options = new SignerOptions();
        var keys = new Dictionary<string, IMessageSigner> { [HotkeyName] = new Sr25519MessageSigner(validatorKey) };
        var core = new SignerCore(new SignerPolicy([grant]), keys, TimeProvider.System, options.NonceWindow, logger);
        var server = new SignerServer(core, SignerServerLimits.From(options), TimeProvider.System, logger);
        var listener = SignerSocket.Listen(socketPath, options.MaxConnections);
        var stop = new CancellationTokenSource();
        return new LocalSigner(socketPath, tokenFile, stop, ServeAsync(server, listener, socketPath, stop.Token));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _serving;
        _stop.Dispose();
    }

    private static async Task ServeAsync(SignerServer server, System.Net.Sockets.Socket listener, string socketPath, CancellationToken stop)
    {
        using (listener)
        {
            try
            {
                await server.RunAsync(listener, stop);
            }
            finally
            {
                File.Delete(socketPath);
            }
        }
    }
}
