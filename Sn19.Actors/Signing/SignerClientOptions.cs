namespace Sn19.Actors.Signing;

using Microsoft.Extensions.Configuration;

/// <summary>How a validator or miner reaches the signer: configuration section <c>signer.client</c> (hocon/defaults/signer.conf).</summary>
public sealed class SignerClientOptions
{
    public const string Section = "signer:client";

    /// <summary>Path of the signer's Unix domain socket.</summary>
    [ConfigurationKeyName("socket-path")]
    public string SocketPath { get; set; } = "~/.sn19/signer.sock";

    /// <summary>This client's name in the signer's tokens file.</summary>
    [ConfigurationKeyName("name")]
    public string Name { get; set; } = string.Empty;

    /// <summary>File holding this client's token (one line); the host reads it, keep it mode 0600.</summary>
    [ConfigurationKeyName("token-file")]
    public string TokenFile { get; set; } = string.Empty;

    /// <summary>The hotkey to sign with, as <c>WALLET/HOTKEY</c>.</summary>
    [ConfigurationKeyName("hotkey")]
    public string Hotkey { get; set; } = "default/default";

    /// <summary>Longest wait for one answer before the request counts as unavailable.</summary>
    [ConfigurationKeyName("request-timeout")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(5);

    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(SocketPath))
        {
            throw new InvalidOperationException("signer.client.socket-path must be set.");
        }

        if (string.IsNullOrWhiteSpace(Name))
        {
            throw new InvalidOperationException("signer.client.name must be set.");
        }

        if (Hotkey.Split('/') is not [{ Length: > 0 }, { Length: > 0 }])
        {
            throw new InvalidOperationException($"signer.client.hotkey must be WALLET/HOTKEY, got '{Hotkey}'.");
        }

        if (RequestTimeout <= TimeSpan.Zero)
        {
            throw new InvalidOperationException($"signer.client.request-timeout must be positive, got {RequestTimeout}.");
        }
    }
}
