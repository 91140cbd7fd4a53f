namespace Sn19.Actors.Crypto;

using Sn19.Actors.Crypto.Schnorrkel;
using Sn19.Actors.Crypto.Sodium;

/// <summary>sr25519 (schnorrkel 0.11, signing context "substrate") signature verification. Needs no secret.</summary>
public static class Sr25519
{
    public const int PublicKeyLength = 32;
    public const int SignatureLength = 64;

    /// <summary>
    /// True when <paramref name="signature"/> is a schnorrkel signature by <paramref name="publicKey"/> over
    /// <paramref name="message"/> in the "substrate" context. Checks, in schnorrkel's order: the marker bit,
    /// s reduced mod l, a valid public key and R, then R == s·B − k·A with k the transcript challenge.
    /// </summary>
    public static bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature) =>
        Verify(publicKey, message, signature, SigningContext.Substrate);

    /// <summary>
    /// Verification as bittensor's btwallet <c>Keypair.verify</c> does it: the raw message first, then the
    /// message wrapped as <c>&lt;Bytes&gt;…&lt;/Bytes&gt;</c> (what polkadot.js <c>signRaw</c> signs).
    /// </summary>
    public static bool VerifyRawOrWrapped(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (Verify(publicKey, message, signature))
        {
            return true;
        }

        byte[] wrapped = [.. "<Bytes>"u8, .. message, .. "</Bytes>"u8];
        return Verify(publicKey, wrapped, signature);
    }

    internal static bool Verify(
        ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature, ReadOnlySpan<byte> context)
    {
        if (publicKey.Length != PublicKeyLength || signature.Length != SignatureLength || (signature[63] & 0x80) == 0)
        {
            return false;
        }

        Span<byte> s = stackalloc byte[32];
        signature[32..].CopyTo(s);
        s[31] &= 0x7f;
        var bigR = signature[..32];
        if (!Ristretto255.IsCanonicalScalar(s) || !Ristretto255.IsValidPoint(publicKey) || !Ristretto255.IsValidPoint(bigR))
        {
            return false;
        }

        var t = SigningContext.ForMessage(context, message);
        SchnorrkelTranscript.ProtoName(t, "Schnorr-sig"u8);
        SchnorrkelTranscript.CommitPoint(t, "sign:pk"u8, publicKey);
        SchnorrkelTranscript.CommitPoint(t, "sign:R"u8, bigR);
        Span<byte> k = stackalloc byte[32];
        SchnorrkelTranscript.ChallengeScalar(t, "sign:c"u8, k);

        // libsodium reports an identity product as failure; s = 0 or k = 0 happen with negligible
        // probability and schnorrkel would reject such a signature's R comparison anyway in practice.
        Span<byte> sB = stackalloc byte[32];
        Span<byte> kA = stackalloc byte[32];
        Span<byte> expected = stackalloc byte[32];
        return Ristretto255.MultiplyBase(sB, s)
            && Ristretto255.Multiply(kA, k, publicKey)
            && Ristretto255.Subtract(expected, sB, kA)
            && expected.SequenceEqual(bigR);
    }
}
