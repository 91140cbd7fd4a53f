namespace Sn19.Actors.Crypto.Merlin;

using System.Buffers.Binary;

/// <summary>Merlin's TranscriptRng: each request is framed by its length (meta-AD) and squeezed with PRF.</summary>
internal sealed class TranscriptRng
{
    private readonly Strobe128 _strobe;

    internal TranscriptRng(Strobe128 strobe) => _strobe = strobe;

    public void FillBytes(Span<byte> destination)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(length, checked((uint)destination.Length));
        _strobe.MetaAd(length, more: false);
        _strobe.Prf(destination, more: false);
    }

    public void Clear() => _strobe.Clear();
}
