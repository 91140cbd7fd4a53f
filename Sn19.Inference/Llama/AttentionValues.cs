namespace Sn19.Inference.Llama;

using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

/// <summary>
/// The value side of attention: output = Σ_s weights[s]·v_s over a head's cached values, for one query
/// (<see cref="One"/>) or four consecutive queries sharing each value load (<see cref="Block4"/>). Both
/// run every query's sum over the same positions in the same order, so decode and prefill agree to the bit.
/// </summary>
internal static unsafe class AttentionValues
{
    /// <summary>
    /// output = Σ_s weights[s]·v_s for one query. A running sum over s is a chain of dependent fused
    /// multiply-adds, so the head's 16-value slices advance together, up to four at a time (see
    /// <see cref="Group{TSlices}"/>).
    /// </summary>
    public static void One(float* weights, float* values, int stride, int hd, int length, float* output)
    {
        var i = 0;
        for (; i + 64 <= hd; i += 64)
        {
            Group<FourSlices>(weights, values + i, stride, length, output + i);
        }

        if (hd - i == 48)
        {
            Group<ThreeSlices>(weights, values + i, stride, length, output + i);
            return;
        }

        for (; i < hd; i += 16)
        {
            Group<OneSlice>(weights, values + i, stride, length, output + i);
        }
    }

    /// <summary>
    /// Four consecutive queries' weighted values at once (query j's weights at <paramref name="weights"/> +
    /// j·<paramref name="rowStride"/>, over length0 + j positions; outputs <paramref name="outStride"/> apart):
    /// each value slice is loaded once for the four, and up to 16 sums are in flight instead of 4.
    /// </summary>
    public static void Block4(float* weights, int rowStride, float* values, int stride, int hd, int length0, float* output, int outStride)
    {
        var i = 0;
        for (; i + 64 <= hd; i += 64)
        {
            Block<FourSlices>(weights, rowStride, values + i, stride, length0, output + i, outStride);
        }

        if (hd - i == 48)
        {
            Block<ThreeSlices>(weights, rowStride, values + i, stride, length0, output + i, outStride);
            return;
        }

        for (; i < hd; i += 16)
        {
            Block<OneSlice>(weights, rowStride, values + i, stride, length0, output + i, outStride);
        }
    }

    /// <summary>One query, <typeparamref name="TSlices"/> slices of 16 values: one chain per slice, positions in order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Group<TSlices>(float* weights, float* v, int stride, int length, float* output)
        where TSlices : struct, ISliceCount
    {
        var n = default(TSlices).Slices;
        var a0 = Vector512<float>.Zero; var a1 = Vector512<float>.Zero; var a2 = Vector512<float>.Zero; var a3 = Vector512<float>.Zero;
        for (var s = 0; s < length; s++, v += stride)
        {
            Accumulate(n, Vector512.Create(weights[s]), v, ref a0, ref a1, ref a2, ref a3);
        }

        Store(n, output, a0, a1, a2, a3);
    }

    /// <summary>
    /// Four queries at once. Every query's sum runs over the same positions in the same order as
    /// <see cref="Group{TSlices}"/>, so a query gets the same bits here as in decode; the causal tail
    /// (position length0 seen by queries 1–3, length0 + 1 by 2–3, length0 + 2 by 3) comes last.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Block<TSlices>(float* weights, int rowStride, float* v, int stride, int length0, float* output, int outStride)
        where TSlices : struct, ISliceCount
    {
        var n = default(TSlices).Slices;
        float* w0 = weights, w1 = weights + rowStride, w2 = weights + (2 * rowStride), w3 = weights + (3 * rowStride);
        var a00 = Vector512<float>.Zero; var a01 = Vector512<float>.Zero; var a02 = Vector512<float>.Zero; var a03 = Vector512<float>.Zero;
        var a10 = Vector512<float>.Zero; var a11 = Vector512<float>.Zero; var a12 = Vector512<float>.Zero; var a13 = Vector512<float>.Zero;
        var a20 = Vector512<float>.Zero; var a21 = Vector512<float>.Zero; var a22 = Vector512<float>.Zero; var a23 = Vector512<float>.Zero;
        var a30 = Vector512<float>.Zero; var a31 = Vector512<float>.Zero; var a32 = Vector512<float>.Zero; var a33 = Vector512<float>.Zero;
        for (var s = 0; s < length0 + 3; s++, v += stride)
        {
            if (s < length0)
            {
                Accumulate(n, Vector512.Create(w0[s]), v, ref a00, ref a01, ref a02, ref a03);
            }

            if (s < length0 + 1)
            {
                Accumulate(n, Vector512.Create(w1[s]), v, ref a10, ref a11, ref a12, ref a13);
            }

            if (s < length0 + 2)
            {
                Accumulate(n, Vector512.Create(w2[s]), v, ref a20, ref a21, ref a22, ref a23);
            }

            Accumulate(n, Vector512.Create(w3[s]), v, ref a30, ref a31, ref a32, ref a33);
        }

        Store(n, output, a00, a01, a02, a03);
        Store(n, output + outStride, a10, a11, a12, a13);
        Store(n, output + (2 * outStride), a20, a21, a22, a23);
        Store(n, output + (3 * outStride), a30, a31, a32, a33);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Accumulate(int n, Vector512<float> w, float* v, ref Vector512<float> a0, ref Vector512<float> a1, ref Vector512<float> a2, ref Vector512<float> a3)
    {
        a0 = Vector512.FusedMultiplyAdd(w, Vector512.Load(v), a0);
        if (n > 1)
        {
            a1 = Vector512.FusedMultiplyAdd(w, Vector512.Load(v + 16), a1);
        }

        if (n > 2)
        {
            a2 = Vector512.FusedMultiplyAdd(w, Vector512.Load(v + 32), a2);
        }

        if (n > 3)
        {
            a3 = Vector512.FusedMultiplyAdd(w, Vector512.Load(v + 48), a3);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(int n, float* output, Vector512<float> a0, Vector512<float> a1, Vector512<float> a2, Vector512<float> a3)
    {
        a0.Store(output);
        if (n > 1)
        {
            a1.Store(output + 16);
        }

        if (n > 2)
        {
            a2.Store(output + 32);
        }

        if (n > 3)
        {
            a3.Store(output + 48);
        }
    }
}
