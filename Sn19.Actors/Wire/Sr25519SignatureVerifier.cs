namespace Sn19.Actors.Wire;

using Sn19.Actors.Crypto;

/// <summary>
/// sr25519 ("substrate" context) verification against the key an SS58 address carries. Like btwallet, it
/// also accepts a signature over <c>&lt;Bytes&gt;message&lt;/Bytes&gt;</c>, which polkadot.js <c>signRaw</c> makes
/// (checking-and-fiber.md §B.3).
/// </summary>
public sealed class Sr25519SignatureVerifier : ISignatureVerifier
{
    public static Sr25519SignatureVerifier Instance { get; } = new();

    public bool Verify(string signerSs58, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature) =>
        WireAddress.IsValid(signerSs58)
        && Ss58.TryDecode(signerSs58, out var publicKey, out _)
        && Sr25519.VerifyRawOrWrapped(publicKey, message, signature);
}
