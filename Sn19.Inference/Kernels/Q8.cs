namespace Sn19.Inference.Kernels;

using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

/// <summary>
/// Q8_0 arithmetic. A block is 32 signed bytes q with one scale d, value = d·q. Weights are quantised
/// like llama.cpp's <c>quantize_row_q8_0_ref</c> (d = amax/127 rounded to half, q = round-half-away(x/d
/// before rounding d)). Activations are quantised on the fly the same way but keep d in float, and a
/// row product is Σ_blocks d_w·d_x·Σ q_w·q_x with the inner sum in exact int32 (AVX-VNNI vpdpbusd on
/// |q_w| and sign(q_x, q_w), as llama.cpp does on x86; AVX2 pmaddubsw otherwise; a scalar loop last).
/// </summary>
internal static unsafe class Q8
{
    public const int BlockSize = 32;

    /// <summary>Quantises <paramref name="n"/> activations (n divisible by 32) to int8 + float scales.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void QuantizeActivations(float* x, int n, sbyte* quants, float* scales)
    {
        for (var b = 0; b < n / BlockSize; b++)
        {
            var src = x + (b * BlockSize);
            var dst = quants + (b * BlockSize);
            if (Vector256.IsHardwareAccelerated)
            {
                var v0 = Vector256.Load(src);
                var v1 = Vector256.Load(src + 8);
                var v2 = Vector256.Load(src + 16);
                var v3 = Vector256.Load(src + 24);
                var m = Vector256.Max(Vector256.Max(Vector256.Abs(v0), Vector256.Abs(v1)), Vector256.Max(Vector256.Abs(v2), Vector256.Abs(v3)));
                var amax = MaxLane(m);
                var d = amax / 127f;
                scales[b] = d;
                var id = Vector256.Create(d != 0 ? 1f / d : 0f);
                var i0 = Vector256.ConvertToInt32(Vector256.Round(v0 * id));
                var i1 = Vector256.ConvertToInt32(Vector256.Round(v1 * id));
                var i2 = Vector256.ConvertToInt32(Vector256.Round(v2 * id));
                var i3 = Vector256.ConvertToInt32(Vector256.Round(v3 * id));
                var s01 = Vector256.Narrow(i0, i1);
                var s23 = Vector256.Narrow(i2, i3);
                Vector256.Narrow(s01, s23).Store(dst);
            }
            else
            {
                var amax = 0f;
                for (var i = 0; i < BlockSize; i++)
                {
                    amax = MathF.Max(amax, MathF.Abs(src[i]));
                }

                var d = amax / 127f;
                scales[b] = d;
                var id = d != 0 ? 1f / d : 0f;
                for (var i = 0; i < BlockSize; i++)
                {
                    dst[i] = (sbyte)MathF.Round(src[i] * id, MidpointRounding.ToEven);
                }
            }
        }
    }

    /// <summary>Quantises one weight row exactly as llama.cpp writes Q8_0 (half-precision scales).</summary>
    public static void QuantizeWeights(ReadOnlySpan<float> x, sbyte* quants, float* scales)
    {
        for (var b = 0; b < x.Length / BlockSize; b++)
        {
            var block = x.Slice(b * BlockSize, BlockSize);
            var amax = 0f;
            foreach (var v in block)
            {
                amax = MathF.Max(amax, MathF.Abs(v));
            }

            var d = amax / 127f;
            var id = d != 0 ? 1f / d : 0f;
            scales[b] = (float)(Half)d;
            for (var i = 0; i < BlockSize; i++)
            {
                quants[(b * BlockSize) + i] = (sbyte)MathF.Round(block[i] * id, MidpointRounding.AwayFromZero);
            }
        }
    }

    public static void Dequantize(sbyte* quants, float* scales, int n, Span<float> destination)
    {
        for (var i = 0; i < n; i++)
        {
            destination[i] = quants[i] * scales[i / BlockSize];
        }
    }

    /// <summary>
    /// Σ over blocks of d_w·d_x·(q_w · q_x) for one row of <paramref name="n"/> values. One accumulator in
    /// block order, exactly as each cell of <see cref="TileKernels.Q8"/>, so decode and batched prefill give
    /// bit-identical results (decode is bound by memory bandwidth, not by this dependency chain).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Dot(sbyte* wq, float* ws, sbyte* xq, float* xs, int n)
    {
        if (Avx2.IsSupported)
        {
            var acc = Vector256<float>.Zero;
            for (var b = 0; b < n / BlockSize; b++)
            {
                var w = Vector256.Load(wq + (b * BlockSize));
                acc = Step(acc, Avx2.Abs(w), w, Vector256.Load(xq + (b * BlockSize)), xs[b] * ws[b]);
            }

            return Vector256.Sum(acc);
        }

        return DotScalar(wq, ws, xq, xs, n);
    }

    /// <summary>The portable reference for <see cref="Dot"/>: same blocks, same exact integer sums.</summary>
    public static float DotScalar(sbyte* wq, float* ws, sbyte* xq, float* xs, int n)
    {
        var sum = 0f;
        for (var b = 0; b < n / BlockSize; b++)
        {
            var isum = 0;
            for (var i = 0; i < BlockSize; i++)
            {
                isum += wq[(b * BlockSize) + i] * xq[(b * BlockSize) + i];
            }

            sum += ws[b] * xs[b] * isum;
        }

        return sum;
    }

    /// <summary>acc + float(int32 lanes of w·x, four products each) · scale, for one 32-value block.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Step(Vector256<float> acc, Vector256<byte> absW, Vector256<sbyte> w, Vector256<sbyte> x, float scale) =>
        Vector256.FusedMultiplyAdd(Vector256.ConvertToSingle(IntProducts(absW, Avx2.Sign(x, w))), Vector256.Create(scale), acc);

    /// <summary>Int32 lanes each holding the sum of four unsigned×signed byte products (|w|·sign(x,w) = w·x).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<int> IntProducts(Vector256<byte> absW, Vector256<sbyte> signedX)
    {
        if (AvxVnni.IsSupported)
        {
            return AvxVnni.MultiplyWideningAndAdd(Vector256<int>.Zero, absW, signedX);
        }

        // |w| ≤ 127 and |x| ≤ 127, so the pairwise 16-bit sums (≤ 32258) never saturate.
        var pairs = Avx2.MultiplyAddAdjacent(absW, signedX);
        return Avx2.MultiplyAddAdjacent(pairs, Vector256.Create((short)1));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float MaxLane(Vector256<float> v)
    {
        var m = Vector128.Max(v.GetLower(), v.GetUpper());
        return MathF.Max(MathF.Max(m[0], m[1]), MathF.Max(m[2], m[3]));
    }
}
