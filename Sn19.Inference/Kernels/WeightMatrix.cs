namespace Sn19.Inference.Kernels;

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

    /// <summary>Q8_0 quants (rows × cols int8), when <see cref="Type"/> is Q8_0.</summary>
    public sbyte* Quants { get; private init; }

    /// <summary>Q8_0 block scales (rows × cols/32), when <see cref="Type"/> is Q8_0.</summary>
    public float* Scales { get; private init; }

    /// <summary>
    /// Q8_0 block scales as 16-bit steps of <see cref="RowUnits"/> (rows × cols/32), for the 512-bit kernels;
    /// null where the CPU lacks them. See <see cref="Q8ScaleSteps"/>.
    /// </summary>
    public short* ScaleSteps { get; private init; }

    /// <summary>Each row's power-of-two unit of <see cref="ScaleSteps"/>.</summary>
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

    public static WeightMatrix CreateQ8(NativeArena arena, int rows, int cols, out sbyte* quants, out float* scales)
    {
        if (cols % Q8.BlockSize != 0)
        {
            throw new ArgumentException($"Q8_0 needs a row length divisible by {Q8.BlockSize}; got {cols}.", nameof(cols));
        }

        // Zeroed padding: the 512-bit kernels read whole block pairs and 32-step groups past a row's end.
        var blocks = (long)rows * cols / Q8.BlockSize;
        quants = arena.Allocate<sbyte>(((long)rows * cols) + Q8Wide.QuantPadding);
        scales = arena.Allocate<float>(blocks);
        return new WeightMatrix(WeightType.Q8_0, rows, cols)
        {
            Quants = quants,
            Scales = scales,
            ScaleSteps = Q8Wide.IsSupported ? arena.Allocate<short>(blocks + Q8Wide.StepPadding) : null,
            RowUnits = Q8Wide.IsSupported ? arena.Allocate<float>(rows) : null,
        };
    }

    /// <summary>
    /// Makes a Q8_0 matrix ready for the kernels once its quants and scales are written: −128 quants become
    /// −127 and the 512-bit kernels' integer scale steps are derived (<see cref="Q8ScaleSteps"/>).
    /// </summary>
    public void CompleteQ8()
    {
        Q8ScaleSteps.ClampQuants(Quants, (long)Rows * Cols);
        if (ScaleSteps != null)
        {
            Q8ScaleSteps.Derive(Scales, Rows, Cols / Q8.BlockSize, ScaleSteps, RowUnits);
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
                Q8.Dequantize(Quants + offset, Scales + (offset / Q8.BlockSize), Cols, destination);
                break;
        }
    }
}
