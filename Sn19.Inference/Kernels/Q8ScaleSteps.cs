namespace Sn19.Inference.Kernels;

using System.Numerics.Tensors;

/// <summary>
/// Q8_0 block scales as 16-bit integers of one power-of-two unit per row: d_b = steps_b · unit_r. The
/// 512-bit kernels (<see cref="Q8Wide"/>) read two bytes per block, as GGUF stores it, where float scales
/// would be four: decode streams 34 bytes per 32 weights instead of 36. They widen a block's 16 rows of
/// steps to floats (exact) and apply the row's unit once at the end.
/// <para>
/// Exactness: the unit is the power of two that puts the row's largest |d| in [2¹⁴, 2¹⁵), and GGUF scales are
/// halves (11 significant bits), so every scale within 16× of its row's largest is an exact integer number
/// of units. Smaller ones round to the nearest unit: the added error per block is at most half a unit,
/// 1/65,536 of the row's largest scale — far below the quantisation error of the row's large blocks.
/// </para>
/// </summary>
internal static unsafe class Q8ScaleSteps
{
    /// <summary>The largest step: a 16-bit signed integer.</summary>
    public const int MaxStep = short.MaxValue;

    /// <summary>Fills <paramref name="steps"/> (rows × blocks) and <paramref name="units"/> (one per row) from float scales.</summary>
    public static void Derive(float* scales, int rows, int blocks, short* steps, float* units)
    {
        for (var r = 0; r < rows; r++)
        {
            var row = scales + ((long)r * blocks);
            var largest = 0f;
            for (var b = 0; b < blocks; b++)
            {
                largest = MathF.Max(largest, MathF.Abs(row[b]));
            }

            // 2^(e − 14) for largest in [2^e, 2^(e+1)): the largest becomes 2^14 to 2^15 − a little.
            var exponent = largest > 0 && float.IsFinite(largest) ? Math.ILogB(largest) - 14 : 0;
            units[r] = MathF.ScaleB(1f, exponent);
            var rowSteps = steps + ((long)r * blocks);
            for (var b = 0; b < blocks; b++)
            {
                var step = Math.Round(Math.ScaleB(row[b], -exponent), MidpointRounding.ToEven);
                rowSteps[b] = (short)Math.Clamp(step, -MaxStep, MaxStep);
            }
        }
    }

    /// <summary>
    /// <see cref="Derive"/> for a matrix of <paramref name="rows"/> × <paramref name="cols"/> whose steps are in
    /// <see cref="Q8RowGroups"/> order; <paramref name="units"/> holds a whole number of groups, and the padding
    /// rows of the last group keep their zero steps and units.
    /// </summary>
    public static void DeriveGrouped(float* scales, int rows, int cols, short* steps, float* units)
    {
        var blocks = cols / Q8.BlockSize;
        // On the heap: a row's block count comes from the file, so it is not bounded by the stack.
        var rowSteps = new short[blocks];
        fixed (short* s = rowSteps)
        {
            for (var r = 0; r < rows; r++)
            {
                Derive(scales + ((long)r * blocks), 1, blocks, s, units + r);
                for (var b = 0; b < blocks; b++)
                {
                    steps[Q8RowGroups.StepIndex(r, b, cols)] = s[b];
                }
            }
        }
    }

    /// <summary>
    /// Replaces −128 quants by −127. llama.cpp never writes −128 (q = round(x / (amax/127))), but a file can
    /// hold it, and the 512-bit kernels' sign trick (negating w where x &lt; 0) cannot represent +128; every
    /// kernel clamps alike so that all give the same sums. <paramref name="offset"/>: the quants are stored as
    /// w + 128 (<see cref="WeightMatrix.OffsetQuants"/>), where −128 is the byte 0.
    /// </summary>
    public static void ClampQuants(sbyte* quants, long count, bool offset)
    {
        const int chunk = 1 << 30;
        for (long start = 0; start < count; start += chunk)
        {
            var length = (int)Math.Min(chunk, count - start);
            if (offset)
            {
                var stored = new Span<byte>(quants + start, length);
                TensorPrimitives.Max(stored, (byte)1, stored);
            }
            else
            {
                var span = new Span<sbyte>(quants + start, length);
                TensorPrimitives.Max(span, (sbyte)-127, span);
            }
        }
    }
}
