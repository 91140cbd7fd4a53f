namespace Sn19.Inference.Kernels;

using System.Buffers.Binary;
using System.Runtime.InteropServices;

/// <summary>
/// A read-only weight matrix W (rows × cols), row-major: row r holds the <c>cols</c> input weights of
/// output r (GGUF's ne[0] = cols is the fast dimension). Memory belongs to a <see cref="NativeArena"/>.
/// </summary>
internal sealed unsafe class WeightMatrix
{
    private WeightMatrix(WeightType type, int rows, int cols)
    {
        Type = type;
        Rows = rows;
        Cols = cols;
    }

    public WeightType Type { get; }

    public int Rows { get; }

    public int Cols { get; }

    /// <summary>F32 data (rows × cols), when <see cref="Type"/> is F32.</summary>
    public float* F32 { get; private init; }

    /// <summary>F16 data (rows × cols), when <see cref="Type"/> is F16.</summary>
    public Half* F16 { get; private init; }

    /// <summary>
    /// Q8_0 quants, when <see cref="Type"/> is Q8_0: row-major, or in <see cref="Q8RowGroups"/> where
    /// <see cref="ScaleSteps"/> is set. Read and write blocks with <see cref="ReadBlock"/> and <see cref="WriteBlock"/>.
    /// </summary>
    public sbyte* Quants { get; private init; }

    /// <summary>Whether the quants are in <see cref="Q8RowGroups"/> (the 512-bit kernels' layout).</summary>
    public bool RowGrouped => ScaleSteps != null;

    /// <summary>
    /// Whether each quant w is stored as w + 128 (its sign bit flipped), the unsigned operand vpdpbusd takes
    /// (<see cref="Q8WideVnni"/>); <see cref="ReadBlock"/> and <see cref="WriteBlock"/> undo it. Flipping at
    /// load rather than in the kernel saves an xor per 32 weights and, more, a register the JIT otherwise
    /// takes from the 16 that vpdpbusd's accumulators must live in.
    /// </summary>
    public bool OffsetQuants { get; private init; }

    /// <summary>Q8_0 block scales (rows × cols/32), when <see cref="Type"/> is Q8_0.</summary>
    public float* Scales { get; private init; }

    /// <summary>
    /// Q8_0 block scales as 16-bit steps of <see cref="RowUnits"/>, for the 512-bit kernels, in the quants'
    /// group order (<see cref="Q8RowGroups.StepIndex"/>); null where the CPU lacks them. See <see cref="Q8ScaleSteps"/>.
    /// </summary>
    public short* ScaleSteps { get; private init; }

    /// <summary>Each row's power-of-two unit of <see cref="ScaleSteps"/> (zero for a last group's padding rows).</summary>
    public float* RowUnits { get; private init; }

    /// <summary>Bytes a full pass over the matrix reads (what one decode step streams from memory).</summary>
    public long BytesPerPass => Type switch
    {
        WeightType.F32 => (long)Rows * Cols * 4,
        WeightType.F16 => (long)Rows * Cols * 2,
        _ when ScaleSteps != null => (long)Rows * Cols + ((long)Rows * Cols / Q8.BlockSize * 2) + ((long)Rows * 4),
        _ => (long)Rows * Cols + ((long)Rows * Cols / Q8.BlockSize * 4),
    };

    public static WeightMatrix CreateF32(NativeArena arena, int rows, int cols, out float* data)
    {
        data = arena.Allocate<float>((long)rows * cols);
        return new WeightMatrix(WeightType.F32, rows, cols) { F32 = data };
    }

    public static WeightMatrix CreateF16(NativeArena arena, int rows, int cols, out Half* data)
    {
        data = arena.Allocate<Half>((long)rows * cols);
        return new WeightMatrix(WeightType.F16, rows, cols) { F16 = data };
    }

    /// <summary>
    /// An empty Q8_0 matrix: write each block's quants with <see cref="WriteBlock"/> and its scale in
    /// <see cref="Scales"/>, then call <see cref="CompleteQ8"/>. Where the CPU has the 512-bit kernels it is laid
    /// out for the fastest kernels this CPU runs unless <paramref name="layout"/> names another.
    /// </summary>
    public static WeightMatrix CreateQ8(NativeArena arena, int rows, int cols, Q8Layout? layout = null)
    {
        if (cols % Q8.BlockSize != 0)
        {
            throw new ArgumentException($"Q8_0 needs a row length divisible by {Q8.BlockSize}; got {cols}.", nameof(cols));
        }

        // Zeroed (or, offset, 0x80 = w 0): a last group's padding rows must add nothing.
        var chosen = layout ?? BestQ8Layout;
        if ((chosen == Q8Layout.RowGroups && !Q8Wide.IsSupported) || (chosen == Q8Layout.OffsetRowGroups && !Q8WideVnni.IsSupported))
        {
            throw new PlatformNotSupportedException($"This CPU has no kernels for the {chosen} Q8_0 layout.");
        }

        var grouped = chosen != Q8Layout.RowMajor;
        var offset = chosen == Q8Layout.OffsetRowGroups;
        var quants = arena.Allocate<sbyte>(QuantBytes(rows, cols, grouped));
        if (offset)
        {
            FillQuants(quants, QuantBytes(rows, cols, grouped), unchecked((sbyte)Offset));
        }

        return new WeightMatrix(WeightType.Q8_0, rows, cols)
        {
            Quants = quants,
            OffsetQuants = offset,
            Scales = arena.Allocate<float>((long)rows * cols / Q8.BlockSize),
            ScaleSteps = grouped ? arena.Allocate<short>(Q8RowGroups.Steps(rows, cols)) : null,
            RowUnits = grouped ? arena.Allocate<float>((long)Q8RowGroups.Groups(rows) * Q8RowGroups.Rows) : null,
        };
    }

    /// <summary>The layout of the fastest Q8_0 kernels this CPU runs.</summary>
    public static Q8Layout BestQ8Layout =>
        Q8WideVnni.IsSupported ? Q8Layout.OffsetRowGroups : Q8Wide.IsSupported ? Q8Layout.RowGroups : Q8Layout.RowMajor;

    private const byte Offset = 0x80;
    private const int FourOffsets = unchecked((int)0x80808080);

    private static void FillQuants(sbyte* quants, long count, sbyte value)
    {
        const int chunk = 1 << 30;
        for (long start = 0; start < count; start += chunk)
        {
            new Span<sbyte>(quants + start, (int)Math.Min(chunk, count - start)).Fill(value);
        }
    }

    private static long QuantBytes(int rows, int cols, bool grouped) => grouped ? Q8RowGroups.Bytes(rows, cols) : (long)rows * cols;

    /// <summary>
    /// The kernels' quants for row <paramref name="row"/>: the row's start, row-major; in row groups, the start
    /// of the group (<paramref name="row"/> must be a group's first row).
    /// </summary>
    public sbyte* QuantsAt(int row) =>
        Quants + (RowGrouped ? Q8RowGroups.GroupOffset(row, Cols) : (long)row * Cols);

    /// <summary>The kernels' scale steps for the group starting at row <paramref name="row"/>.</summary>
    public short* StepsAt(int row) => ScaleSteps + Q8RowGroups.StepIndex(row, 0, Cols);

    /// <summary>Stores the 32 quants of block <paramref name="block"/> of row <paramref name="row"/>.</summary>
    public void WriteBlock(int row, int block, ReadOnlySpan<sbyte> quants)
    {
        var flip = OffsetQuants ? FourOffsets : 0;
        for (var i = 0; i < Q8.BlockSize; i += Q8RowGroups.SliceQuants)
        {
            // A slice's four quants as one int: the offset flips all four sign bits at once.
            var four = BinaryPrimitives.ReadInt32LittleEndian(MemoryMarshal.AsBytes(quants.Slice(i, Q8RowGroups.SliceQuants)));
            BinaryPrimitives.WriteInt32LittleEndian(new Span<byte>(SliceAt(row, (block * Q8.BlockSize) + i), Q8RowGroups.SliceQuants), four ^ flip);
        }
    }

    /// <summary>Copies the 32 quants of block <paramref name="block"/> of row <paramref name="row"/> into <paramref name="quants"/>.</summary>
    public void ReadBlock(int row, int block, Span<sbyte> quants)
    {
        var flip = OffsetQuants ? FourOffsets : 0;
        for (var i = 0; i < Q8.BlockSize; i += Q8RowGroups.SliceQuants)
        {
            var four = BinaryPrimitives.ReadInt32LittleEndian(new ReadOnlySpan<byte>(SliceAt(row, (block * Q8.BlockSize) + i), Q8RowGroups.SliceQuants));
            BinaryPrimitives.WriteInt32LittleEndian(MemoryMarshal.AsBytes(quants.Slice(i, Q8RowGroups.SliceQuants)), four ^ flip);
        }
    }

    /// <summary>Quants <paramref name="col"/>..+3 of row <paramref name="row"/> (contiguous in either layout).</summary>
    private sbyte* SliceAt(int row, int col) =>
        Quants + (RowGrouped ? Q8RowGroups.SliceOffset(row, col, Cols) : ((long)row * Cols) + col);

    /// <summary>
    /// Makes a Q8_0 matrix ready for the kernels once its quants and scales are written: −128 quants become
    /// −127 and the 512-bit kernels' integer scale steps are derived (<see cref="Q8ScaleSteps"/>).
    /// </summary>
    public void CompleteQ8()
    {
        Q8ScaleSteps.ClampQuants(Quants, QuantBytes(Rows, Cols, RowGrouped), OffsetQuants);
        if (ScaleSteps != null)
        {
            Q8ScaleSteps.DeriveGrouped(Scales, Rows, Cols, ScaleSteps, RowUnits);
        }
    }

    /// <summary>Writes row <paramref name="row"/> as floats into <paramref name="destination"/>.</summary>
    public void DequantizeRow(int row, Span<float> destination)
    {
        var offset = (long)row * Cols;
        switch (Type)
        {
            case WeightType.F32:
                new ReadOnlySpan<float>(F32 + offset, Cols).CopyTo(destination);
                break;
            case WeightType.F16:
                System.Numerics.Tensors.TensorPrimitives.ConvertToSingle(new ReadOnlySpan<Half>(F16 + offset, Cols), destination);
                break;
            default:
                var quants = stackalloc sbyte[Q8.BlockSize];
                for (var b = 0; b < Cols / Q8.BlockSize; b++)
                {
                    ReadBlock(row, b, new Span<sbyte>(quants, Q8.BlockSize));
                    Q8.Dequantize(quants, Scales + (offset / Q8.BlockSize) + b, Q8.BlockSize, destination.Slice(b * Q8.BlockSize, Q8.BlockSize));
                }

                break;
        }
    }
}
