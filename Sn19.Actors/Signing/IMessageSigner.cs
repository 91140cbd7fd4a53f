namespace Sn19.Actors.Signing;

/// <summary>One hotkey's secret, held in memory by the signer process (or the local subnet).</summary>
public interface IMessageSigner
{
    string Ss58Address { get; }

    /// <summary>A 64-byte sr25519 signature over <paramref name="message"/>.</summary>
    byte[] Sign(ReadOnlySpan<byte> message);
}
