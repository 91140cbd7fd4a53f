namespace Sn19.Actors.Crypto.Schnorrkel;

using Sn19.Actors.Crypto.Merlin;
using Sn19.Actors.Crypto.Sodium;

/// <summary>
/// schnorrkel's <c>SigningTranscript</c> operations over a Merlin transcript: protocol names, point
/// commitments, 64-byte wide challenges reduced mod l, and witness scalars from the transcript RNG.
/// </summary>
internal static class SchnorrkelTranscript
{
    public static void ProtoName(MerlinTranscript t, ReadOnlySpan<byte> name) => t.AppendMessage("proto-name"u8, name);

    public static void CommitPoint(MerlinTranscript t, ReadOnlySpan<byte> label, ReadOnlySpan<byte> compressed) =>
        t.AppendMessage(label, compressed);

    public static void ChallengeScalar(MerlinTranscript t, ReadOnlySpan<byte> label, Span<byte> scalar)
    {
        Span<byte> wide = stackalloc byte[Ristretto255.WideScalarLength];
        t.ChallengeBytes(label, wide);
        Ristretto255.ReduceWide(scalar, wide);
        wide.Clear();
    }

    /// <summary>
    /// Fills <paramref name="destination"/> from an RNG keyed by the transcript, each witness in turn under
    /// <paramref name="label"/>, and 32 bytes of external randomness.
    /// </summary>
    public static void WitnessBytes(
        MerlinTranscript t, ReadOnlySpan<byte> label, Span<byte> destination,
        ReadOnlySpan<byte> witness1, ReadOnlySpan<byte> witness2, Action<Span<byte>> fillRandom)
    {
        var builder = t.BuildRng().RekeyWithWitnessBytes(label, witness1);
        if (!witness2.IsEmpty)
        {
            builder.RekeyWithWitnessBytes(label, witness2);
        }

        var rng = builder.Finalize(fillRandom);
        rng.FillBytes(destination);
        rng.Clear();
    }

    public static void WitnessScalar(
        MerlinTranscript t, ReadOnlySpan<byte> label, Span<byte> scalar, ReadOnlySpan<byte> nonce,
        Action<Span<byte>> fillRandom)
    {
        Span<byte> wide = stackalloc byte[Ristretto255.WideScalarLength];
        WitnessBytes(t, label, wide, nonce, ReadOnlySpan<byte>.Empty, fillRandom);
        Ristretto255.ReduceWide(scalar, wide);
        wide.Clear();
    }
}
