namespace Sn19.Inference.Gguf;

using System.Buffers.Binary;
using System.Globalization;

/// <summary>
/// ggml's Q8_0 block format and its reference quantiser. A block is 34 bytes: the scale d as a little-endian f16,
/// then 32 signed bytes q; the value of element j is d * q[j].
/// Quantising follows llama.cpp's reference (quantize_row_q8_0_ref) so files are byte-identical to its output:
/// d = amax / 127 with amax the largest |x| of the block, q = round-half-away-from-zero(x * (1 / d)), q = 0 when d = 0;
/// the f32 d is used for the division and only the stored copy is rounded to f16.
/// </summary>
public static class Q8Quantization
{
    /// <summary>Elements per block.</summary>
    public const int BlockSize = 32;

    /// <summary>Bytes per block: 2 (f16 scale) + 32 (int8 values).</summary>
    public const int BlockBytes = 34;

    /// <summary>Bytes needed to hold <paramref name="elementCount"/> values, which must be a multiple of 32.</summary>
    public static long ByteCount(long elementCount)
    {
        if (elementCount < 0 || elementCount % BlockSize != 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(elementCount),
                elementCount,
                string.Create(CultureInfo.InvariantCulture, $"Q8_0 needs a multiple of {BlockSize} elements"));
        }

        return elementCount / BlockSize * BlockBytes;
    }

    /// <summary>Quantises <paramref name="source"/> (a multiple of 32 values) into Q8_0 blocks.</summary>
    public static void Quantize(ReadOnlySpan<float> source, Span<byte> destination)
    {
        var byteCount = ByteCount(source.Length);
        if (destination.Length < byteCount)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"destination holds {destination.Length} bytes, {byteCount} needed"),
                nameof(destination));
        }

        for (var block = 0; block < source.Length / BlockSize; block++)
        {
            var x = source.Slice(block * BlockSize, BlockSize);
            var y = destination.Slice(block * BlockBytes, BlockBytes);

            var amax = 0f;
            foreach (var value in x)
            {
                amax = MathF.Max(amax, MathF.Abs(value));
            }

            var d = amax / 127f;
            var id = d != 0f ? 1f / d : 0f;
            BinaryPrimitives.WriteHalfLittleEndian(y, (Half)d);
            for (var j = 0; j < BlockSize; j++)
            {
                y[2 + j] = unchecked((byte)(sbyte)MathF.Round(x[j] * id, MidpointRounding.AwayFromZero));
            }
        }
    }

    /// <summary>Expands Q8_0 blocks back to floats; <paramref name="destination"/>'s length (a multiple of 32) says how many.</summary>
    public static void Dequantize(ReadOnlySpan<byte> source, Span<float> destination)
    {
        var byteCount = ByteCount(destination.Length);
        if (source.Length < byteCount)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"source holds {source.Length} bytes, {byteCount} needed"),
                nameof(source));
        }

        for (var block = 0; block < destination.Length / BlockSize; block++)
        {
            var y = source.Slice(block * BlockBytes, BlockBytes);
            var d = (float)BinaryPrimitives.ReadHalfLittleEndian(y);
            var x = destination.Slice(block * BlockSize, BlockSize);
            for (var j = 0; j < BlockSize; j++)
            {
                x[j] = d * unchecked((sbyte)y[2 + j]);
            }
        }
    }
}
