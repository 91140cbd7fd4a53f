namespace Sn19.Actors.Crypto.Schnorrkel;

using Sn19.Actors.Crypto.Merlin;
using Sn19.Actors.Crypto.Sodium;

/// <summary>
/// The public half of schnorrkel's soft derivation (<c>derive_scalar_and_chaincode</c> on a transcript
/// "SchnorrRistrettoHDKD" with empty "sign-bytes"): commit the chain code and the parent public key,
/// challenge a scalar "HDKD-scalar". Child public key = parent + scalar·B.
/// </summary>
internal static class SoftDerivation
{
    public static MerlinTranscript Transcript()
    {
        var t = new MerlinTranscript("SchnorrRistrettoHDKD"u8);
        t.AppendMessage("sign-bytes"u8, ReadOnlySpan<byte>.Empty);
        return t;
    }

    public static void ScalarAndChainCode(
        MerlinTranscript t, ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> chainCode, Span<byte> scalar)
    {
        t.AppendMessage("chain-code"u8, chainCode);
        SchnorrkelTranscript.CommitPoint(t, "public-key"u8, publicKey);
        SchnorrkelTranscript.ChallengeScalar(t, "HDKD-scalar"u8, scalar);

        // schnorrkel also squeezes the child chain code; it is unused by sp-core but it changes the
        // transcript state the nonce witness is then drawn from, so it must be squeezed here too.
        Span<byte> childChainCode = stackalloc byte[32];
        t.ChallengeBytes("HDKD-chaincode"u8, childChainCode);
    }

    /// <summary>Derives a soft child of a public key; null when <paramref name="publicKey"/> is not a valid point.</summary>
    public static byte[]? DerivePublic(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> chainCode)
    {
        if (!Ristretto255.IsValidPoint(publicKey))
        {
            return null;
        }

        var t = Transcript();
        Span<byte> scalar = stackalloc byte[32];
        ScalarAndChainCode(t, publicKey, chainCode, scalar);
        Span<byte> offset = stackalloc byte[32];
        var child = new byte[32];
        return Ristretto255.MultiplyBase(offset, scalar) && Ristretto255.Add(child, publicKey, offset) ? child : null;
    }
}
