namespace Sn19.Host.Signer;

using Microsoft.Extensions.Logging;
using Sn19.Actors.Crypto;
using Sn19.Actors.Signing;

/// <summary>
/// How a validator or miner host gets its <see cref="IHotkeySigner"/>: over the signer socket (separate
/// processes) or in-process under the same policy (the local subnet, one process). Dispose the result when
/// it is <see cref="IAsyncDisposable"/>.
/// </summary>
internal static class HotkeySigners
{
    private const UnixFileMode GroupOrOther =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>
    /// Reads the client token from <see cref="SignerClientOptions.TokenFile"/> (refused when others can read
    /// it), connects and proves the grant by asking for the hotkey's address. Null with a reason on failure.
    /// </summary>
    public static async Task<(IHotkeySigner? Signer, string Problem)> ConnectAsync(
        SignerClientOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (OperatingSystem.IsWindows())
        {
            return (null, "the signer socket needs Unix domain sockets with file modes");
        }

        var resolved = new SignerClientOptions
        {
            SocketPath = PathExpansion.Expand(options.SocketPath),
            Name = options.Name,
            TokenFile = options.TokenFile,
            Hotkey = options.Hotkey,
            RequestTimeout = options.RequestTimeout,
        };
        try
        {
            resolved.Validate();
        }
        catch (InvalidOperationException e)
        {
            return (null, e.Message);
        }

        var tokenFile = string.IsNullOrWhiteSpace(options.TokenFile) ? null : PathExpansion.Expand(options.TokenFile);
        if (tokenFile is null || !File.Exists(tokenFile))
        {
            return (null, $"signer.client.token-file '{options.TokenFile}' does not exist");
        }

        if ((File.GetUnixFileMode(tokenFile) & GroupOrOther) != 0)
        {
            return (null, $"signer.client.token-file '{tokenFile}' can be read by group or others; run chmod 600 on it");
        }

        var token = (await File.ReadAllTextAsync(tokenFile, cancellationToken)).Trim();
        var (client, outcome) = await SignerClient.ConnectAsync(resolved, token, cancellationToken);
        return client is null ? (null, $"the signer refused ({outcome.Refusal}): {outcome.Message}") : (client, string.Empty);
    }

    /// <summary>The local subnet's signer: the key in memory, requests through the signer's policy.</summary>
    public static IHotkeySigner InProcess(Sr25519Keypair key, string hotkey, TimeProvider time, ILogger logger) =>
        InProcessHotkeySigner.Create(new Sr25519MessageSigner(key), hotkey, time, TimeSpan.FromSeconds(120), logger);
}
