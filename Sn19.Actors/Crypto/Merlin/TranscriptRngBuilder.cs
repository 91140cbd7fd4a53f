namespace Sn19.Actors.Crypto.Merlin;

using System.Buffers.Binary;
using System.Text;

/// <summary>
/// Merlin's TranscriptRngBuilder: binds secret witness bytes (KEY operations) into a copy of the
/// transcript, then 32 bytes of external randomness, so the resulting RNG is safe even if either the
/// witness or the external RNG alone is weak.
/// </summary>
internal sealed class TranscriptRngBuilder
{
    private static readonly byte[] RngLabel = Encoding.ASCII.GetBytes("rng");

    private readonly Strobe128 _strobe;

    internal TranscriptRngBuilder(Strobe128 strobe) => _strobe = strobe;

    public TranscriptRngBuilder RekeyWithWitnessBytes(ReadOnlySpan<byte> label, ReadOnlySpan<byte> witness)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(length, checked((uint)witness.Length));
        _strobe.MetaAd(label, more: false);
        _strobe.MetaAd(length, more: true);
        _strobe.Key(witness, more: false);
        return this;
    }

    /// <param name="fillRandom">Fills 32 bytes of external randomness (a CSPRNG in production).</param>
    public TranscriptRng Finalize(Action<Span<byte>> fillRandom)
    {
        Span<byte> random = stackalloc byte[32];
        fillRandom(random);
        _strobe.MetaAd(RngLabel, more: false);
        _strobe.Key(random, more: false);
        random.Clear();
        return new TranscriptRng(_strobe);
    }
}
