namespace Sn19.Host.Signer;

using Microsoft.Extensions.Configuration;
using Sn19.Host.Configuration;

/// <summary>The signer process: configuration section <c>signer</c> (hocon/defaults/signer.conf).</summary>
internal sealed class SignerOptions : IValidatableOptions
{
    public const string Section = "signer";

    /// <summary>Unix domain socket the signer listens on; created mode 0600 in a 0700 directory.</summary>
    [ConfigurationKeyName("socket-path")]
    public string SocketPath { get; set; } = "~/.sn19/signer.sock";

    /// <summary>Root of the bittensor wallet layout (<c>NAME/hotkeys/HOTKEY</c>).</summary>
    [ConfigurationKeyName("wallets-path")]
    public string WalletsPath { get; set; } = "~/.bittensor/wallets";

    /// <summary>JSON file of clients: name, token SHA-256, hotkeys, kinds (see <c>sn19 signer new-token</c>).</summary>
    [ConfigurationKeyName("tokens-file")]
    public string TokensFile { get; set; } = "~/.sn19/signer-tokens.json";

    /// <summary>Largest request frame in bytes; a larger one is answered too-large and the connection closed.</summary>
    [ConfigurationKeyName("max-request-bytes")]
    public int MaxRequestBytes { get; set; } = 128 * 1024;

    /// <summary>Clients connected at once; when all are in use a new client takes the longest-idle one's place.</summary>
    [ConfigurationKeyName("max-connections")]
    public int MaxConnections { get; set; } = 64;

    /// <summary>A connection that sends no frame for this long is closed (clients reconnect on their next request).</summary>
    [ConfigurationKeyName("idle-timeout")]
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Once a frame's first byte arrives, the whole frame must arrive, and its answer be taken, within this.</summary>
    [ConfigurationKeyName("frame-timeout")]
    public TimeSpan FrameTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>An envelope nonce must be this close to the signer's clock to be signed.</summary>
    [ConfigurationKeyName("nonce-window")]
    public TimeSpan NonceWindow { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>Refuse to start when a key file or the tokens file can be read by group or others.</summary>
    [ConfigurationKeyName("require-private-files")]
    public bool RequirePrivateFiles { get; set; } = true;

    /// <summary>
    /// Give the socket (still mode 0600) to this uid, so clients running as another user than the signer, who
    /// cannot read the key files, can connect; −1 keeps the signer's own uid. Needs root or CAP_CHOWN.
    /// </summary>
    [ConfigurationKeyName("socket-owner-uid")]
    public int SocketOwnerUid { get; set; } = -1;

    /// <summary>After binding from configuration: the same checks, reported as a configuration error.</summary>
    public void Validate(string section)
    {
        try
        {
            Validate();
        }
        catch (InvalidOperationException e)
        {
            throw new ConfigurationException(e.Message, e);
        }
    }

    public void Validate()
    {
        Require(!string.IsNullOrWhiteSpace(SocketPath), "signer.socket-path must be set.");
        // sockaddr_un.sun_path holds 108 bytes including the terminating zero.
        Require(System.Text.Encoding.UTF8.GetByteCount(PathExpansion.Expand(SocketPath)) < 108,
            $"signer.socket-path is longer than the 107 bytes a Unix socket path may have: '{SocketPath}'.");
        Require(!string.IsNullOrWhiteSpace(WalletsPath), "signer.wallets-path must be set.");
        Require(!string.IsNullOrWhiteSpace(TokensFile), "signer.tokens-file must be set.");
        Require(MaxRequestBytes is >= 1024 and <= 16 * 1024 * 1024,
            $"signer.max-request-bytes must be in [1024, 16777216], got {MaxRequestBytes}.");
        Require(MaxConnections is >= 1 and <= 4096, $"signer.max-connections must be in [1, 4096], got {MaxConnections}.");
        Require(IdleTimeout > TimeSpan.Zero, $"signer.idle-timeout must be positive, got {IdleTimeout}.");
        Require(FrameTimeout > TimeSpan.Zero, $"signer.frame-timeout must be positive, got {FrameTimeout}.");
        Require(NonceWindow > TimeSpan.Zero && NonceWindow <= TimeSpan.FromHours(1),
            $"signer.nonce-window must be in (0, 1h], got {NonceWindow}.");
        Require(SocketOwnerUid >= -1, $"signer.socket-owner-uid must be a uid or -1, got {SocketOwnerUid}.");
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException(message);
        }
    }
}
