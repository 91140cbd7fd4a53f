namespace Sn19.Actors.Signing;

using Sn19.Actors.Crypto;

/// <summary>An sr25519 key pair held in memory, as the signer process (or the local subnet) holds it.</summary>
public sealed class Sr25519MessageSigner : IMessageSigner
{
    private readonly Sr25519Keypair _pair;

    public Sr25519MessageSigner(Sr25519Keypair pair)
    {
        ArgumentNullException.ThrowIfNull(pair);
        _pair = pair;
    }

    public string Ss58Address => _pair.Ss58Address;

    public byte[] Sign(ReadOnlySpan<byte> message) => _pair.Sign(message);
}
