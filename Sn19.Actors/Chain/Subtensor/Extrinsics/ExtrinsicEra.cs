namespace Sn19.Actors.Chain.Subtensor.Extrinsics;

using System.Numerics;

/// <summary>
/// How long a signed extrinsic stays valid (Substrate's <c>Era</c>): immortal (one 0x00 byte), or mortal for a power-of-two
/// period from the block it was born in: two bytes, <c>min(max(log2(period) − 1, 1), 15) | (phase / quantum) &lt;&lt; 4</c>
/// little-endian, the quantum being <c>max(period &gt;&gt; 12, 1)</c>. The signer also signs the birth block's hash.
/// </summary>
public sealed record ExtrinsicEra(byte[] Encoded, ulong BirthBlock, bool IsImmortal)
{
    public static ExtrinsicEra Immortal { get; } = new([0], 0, true);

    /// <summary>A mortal era of about <paramref name="period"/> blocks (rounded up to a power of two, 4 to 65536) from block
    /// <paramref name="current"/>: the SDK's choice is 128 blocks from the finalized head.</summary>
    public static ExtrinsicEra Mortal(ulong period, ulong current)
    {
        var rounded = Math.Clamp(BitOperations.RoundUpToPowerOf2(Math.Max(period, 1)), 4UL, 1UL << 16);
        var phase = current % rounded;
        var quantum = Math.Max(rounded >> 12, 1);
        var quantized = phase / quantum * quantum;
        var encoded = (ushort)(Math.Clamp(BitOperations.TrailingZeroCount(rounded) - 1, 1, 15) | (int)((quantized / quantum) << 4));
        var birth = ((Math.Max(current, quantized) - quantized) / rounded * rounded) + quantized;
        return new ExtrinsicEra([(byte)encoded, (byte)(encoded >> 8)], birth, false);
    }
}
