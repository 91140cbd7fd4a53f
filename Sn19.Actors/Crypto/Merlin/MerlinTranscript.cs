namespace Sn19.Actors.Crypto.Merlin;

using System.Buffers.Binary;
using System.Text;

/// <summary>
/// A Merlin transcript (merlin.cool, protocol label "Merlin v1.0"): labelled messages absorbed into a
/// STROBE-128 sponge, challenges squeezed out of it. Message framing: meta-AD(label) ‖ meta-AD(u32 LE length)
/// then AD(message); challenges the same with PRF.
/// </summary>
internal sealed class MerlinTranscript
{
    private static readonly byte[] ProtocolLabel = Encoding.ASCII.GetBytes("Merlin v1.0");
    private static readonly byte[] DomainSeparatorLabel = Encoding.ASCII.GetBytes("dom-sep");

    private readonly Strobe128 _strobe;

    public MerlinTranscript(ReadOnlySpan<byte> label)
    {
        _strobe = new Strobe128(ProtocolLabel);
        AppendMessage(DomainSeparatorLabel, label);
    }

    private MerlinTranscript(Strobe128 strobe) => _strobe = strobe;

    public MerlinTranscript Clone() => new(_strobe.Clone());

    public void AppendMessage(ReadOnlySpan<byte> label, ReadOnlySpan<byte> message)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(length, checked((uint)message.Length));
        _strobe.MetaAd(label, more: false);
        _strobe.MetaAd(length, more: true);
        _strobe.Ad(message, more: false);
    }

    public void AppendU64(ReadOnlySpan<byte> label, ulong value)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, value);
        AppendMessage(label, bytes);
    }

    public void ChallengeBytes(ReadOnlySpan<byte> label, Span<byte> destination)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(length, checked((uint)destination.Length));
        _strobe.MetaAd(label, more: false);
        _strobe.MetaAd(length, more: true);
        _strobe.Prf(destination, more: false);
    }

    /// <summary>
    /// Starts a transcript RNG: a copy of this transcript's state, to be rekeyed with secret witness
    /// bytes and then with external randomness. The transcript itself is not changed.
    /// </summary>
    public TranscriptRngBuilder BuildRng() => new(_strobe.Clone());

    public void Clear() => _strobe.Clear();
}
