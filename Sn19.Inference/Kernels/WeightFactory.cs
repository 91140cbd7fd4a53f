namespace Sn19.Inference.Kernels;

using System.Buffers.Binary;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;

/// <summary>Builds <see cref="WeightMatrix"/> values from floats or from GGUF tensor bytes.</summary>
internal static unsafe class WeightFactory
{
    /// <summary>Bytes of one GGUF Q8_0 block: a half scale and 32 int8 quants.</summary>
    public const int GgufQ8BlockBytes = 2 + Q8.BlockSize;

    /// <summary>Stores float weights as <paramref name="type"/> (quantising or narrowing as needed).</summary>
    /// <param name="layout">A Q8_0 layout other than the CPU's best (see <see cref="WeightMatrix.CreateQ8"/>).</param>
    public static WeightMatrix FromFloats(NativeArena arena, int rows, int cols, ReadOnlySpan<float> values, WeightType type, Q8Layout? layout = null)
    {
        CheckLength(values.Length, rows, cols);
        switch (type)
        {
            case WeightType.F32:
            {
                var m = WeightMatrix.CreateF32(arena, rows, cols, out var data);
                values.CopyTo(new Span<float>(data, values.Length));
                return m;
            }

            case WeightType.F16:
            {
                var m = WeightMatrix.CreateF16(arena, rows, cols, out var data);
                TensorPrimitives.ConvertToHalf(values, new Span<Half>(data, values.Length));
                return m;
            }

            default:
            {
                var m = WeightMatrix.CreateQ8(arena, rows, cols, layout);
                var quants = stackalloc sbyte[Q8.BlockSize];
                for (var r = 0; r < rows; r++)
                {
                    for (var b = 0; b < cols / Q8.BlockSize; b++)
                    {
                        var block = values.Slice((r * cols) + (b * Q8.BlockSize), Q8.BlockSize);
                        Q8.QuantizeWeights(block, quants, m.Scales + ((long)r * cols / Q8.BlockSize) + b);
                        m.WriteBlock(r, b, new ReadOnlySpan<sbyte>(quants, Q8.BlockSize));
                    }
                }

                m.CompleteQ8();
                return m;
            }
        }
    }

    public static WeightMatrix FromHalves(NativeArena arena, int rows, int cols, ReadOnlySpan<byte> bytes)
    {
        CheckLength(bytes.Length / 2, rows, cols);
        var m = WeightMatrix.CreateF16(arena, rows, cols, out var data);
        bytes.CopyTo(new Span<byte>(data, bytes.Length));
        return m;
    }

    public static WeightMatrix FromFloatBytes(NativeArena arena, int rows, int cols, ReadOnlySpan<byte> bytes)
    {
        CheckLength(bytes.Length / 4, rows, cols);
        var m = WeightMatrix.CreateF32(arena, rows, cols, out var data);
        bytes.CopyTo(new Span<byte>(data, bytes.Length));
        return m;
    }

    /// <summary>Repacks GGUF Q8_0 blocks (half d, 32 × int8) into the matrix's quant layout and float scales.</summary>
    public static WeightMatrix FromGgufQ8(NativeArena arena, int rows, int cols, ReadOnlySpan<byte> blocks)
    {
        var count = (long)rows * cols / Q8.BlockSize;
        if (cols % Q8.BlockSize != 0 || blocks.Length != count * GgufQ8BlockBytes)
        {
            throw new InvalidDataException($"Q8_0 tensor of {rows} × {cols} needs {count * GgufQ8BlockBytes} bytes; got {blocks.Length}.");
        }

        var m = WeightMatrix.CreateQ8(arena, rows, cols);
        var perRow = cols / Q8.BlockSize;
        for (long b = 0; b < count; b++)
        {
            var block = blocks.Slice((int)(b * GgufQ8BlockBytes), GgufQ8BlockBytes);
            m.Scales[b] = (float)BitConverter.UInt16BitsToHalf(BinaryPrimitives.ReadUInt16LittleEndian(block));
            m.WriteBlock((int)(b / perRow), (int)(b % perRow), MemoryMarshal.Cast<byte, sbyte>(block[2..]));
        }

        m.CompleteQ8();
        return m;
    }

    /// <summary>The GGUF Q8_0 bytes of a Q8_0 matrix (exact: its scales came from halves).</summary>
    public static byte[] ToGgufQ8(WeightMatrix m)
    {
        var count = (long)m.Rows * m.Cols / Q8.BlockSize;
        var perRow = m.Cols / Q8.BlockSize;
        var bytes = new byte[count * GgufQ8BlockBytes];
        for (long b = 0; b < count; b++)
        {
            var block = bytes.AsSpan((int)(b * GgufQ8BlockBytes), GgufQ8BlockBytes);
            BinaryPrimitives.WriteUInt16LittleEndian(block, BitConverter.HalfToUInt16Bits((Half)m.Scales[b]));
            m.ReadBlock((int)(b / perRow), (int)(b % perRow), MemoryMarshal.Cast<byte, sbyte>(block[2..]));
        }

        return bytes;
    }

    private static void CheckLength(int length, int rows, int cols)
    {
        if (length != (long)rows * cols)
        {
            throw new InvalidDataException($"A {rows} × {cols} matrix needs {(long)rows * cols} values; got {length}.");
        }
    }
}
