namespace Sn19.Inference.Llama;

using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Sn19.Inference.Kernels;

/// <summary>
/// The score side of attention: scores[s] = q·k_s·scale over a head's cached keys (k_s at keys + s·stride),
/// with inline 512-bit products, since a library call per 64-value dot cost more than the dot itself
/// (prefill of 256 tokens makes ~800,000 of them per layer on the 110m shape). Every score is the same
/// sequence of operations whichever method computes it: a product of the first 16 values, fused
/// multiply-adds over the rest in order, then one reduction (<see cref="LaneSums.Sum4"/> gives each score
/// the bits <see cref="LaneSums.Sum"/> would). So <see cref="Block4"/> in prefill and <see cref="One"/> in
/// decode agree to the bit. Head dimensions are multiples of 16 here (the caller checks).
/// </summary>
internal static unsafe class AttentionScores
{
    /// <summary>One query's scores for positions [0, <paramref name="length"/>), four keys per reduction.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void One(float* q, float* keys, int stride, int hd, int length, float scale, float* scores)
    {
        var s = 0;
        for (; s + 4 <= length; s += 4)
        {
            var k = keys + ((long)s * stride);
            var a0 = Vector512.Load(q) * Vector512.Load(k);
            var a1 = Vector512.Load(q) * Vector512.Load(k + stride);
            var a2 = Vector512.Load(q) * Vector512.Load(k + (2 * stride));
            var a3 = Vector512.Load(q) * Vector512.Load(k + (3 * stride));
            for (var i = 16; i < hd; i += 16)
            {
                var x = Vector512.Load(q + i);
                a0 = Vector512.FusedMultiplyAdd(x, Vector512.Load(k + i), a0);
                a1 = Vector512.FusedMultiplyAdd(x, Vector512.Load(k + stride + i), a1);
                a2 = Vector512.FusedMultiplyAdd(x, Vector512.Load(k + (2 * stride) + i), a2);
                a3 = Vector512.FusedMultiplyAdd(x, Vector512.Load(k + (3 * stride) + i), a3);
            }

            (LaneSums.Sum4(a0, a1, a2, a3) * scale).Store(scores + s);
        }

        Tail(q, keys, stride, hd, s, length, scale, scores);
    }

    /// <summary>
    /// Four consecutive queries (<paramref name="qStride"/> apart; query j's scores at
    /// <paramref name="rows"/> + j·<paramref name="rowStride"/>) against positions [0, <paramref name="length"/>):
    /// each key slice is loaded once for the four, 16 sums in flight. The caller passes the last query's
    /// length; the first three get up to three scores past their own (causal) length, which their softmax
    /// never reads (the keys are in the cache: a batch writes all its keys before attending).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Block4(float* q, int qStride, float* keys, int stride, int hd, int length, float scale, float* rows, int rowStride)
    {
        float* q0 = q, q1 = q + qStride, q2 = q + (2 * qStride), q3 = q + (3 * qStride);
        var s = 0;
        for (; s + 4 <= length; s += 4)
        {
            float* k0 = keys + ((long)s * stride), k1 = k0 + stride, k2 = k1 + stride, k3 = k2 + stride;
            Vector512<float> x0 = Vector512.Load(q0), x1 = Vector512.Load(q1), x2 = Vector512.Load(q2), x3 = Vector512.Load(q3);
            Vector512<float> y0 = Vector512.Load(k0), y1 = Vector512.Load(k1), y2 = Vector512.Load(k2), y3 = Vector512.Load(k3);
            Vector512<float> a00 = x0 * y0, a01 = x0 * y1, a02 = x0 * y2, a03 = x0 * y3;
            Vector512<float> a10 = x1 * y0, a11 = x1 * y1, a12 = x1 * y2, a13 = x1 * y3;
            Vector512<float> a20 = x2 * y0, a21 = x2 * y1, a22 = x2 * y2, a23 = x2 * y3;
            Vector512<float> a30 = x3 * y0, a31 = x3 * y1, a32 = x3 * y2, a33 = x3 * y3;
            for (var i = 16; i < hd; i += 16)
            {
                x0 = Vector512.Load(q0 + i); x1 = Vector512.Load(q1 + i); x2 = Vector512.Load(q2 + i); x3 = Vector512.Load(q3 + i);
                y0 = Vector512.Load(k0 + i); y1 = Vector512.Load(k1 + i); y2 = Vector512.Load(k2 + i); y3 = Vector512.Load(k3 + i);
                a00 = Vector512.FusedMultiplyAdd(x0, y0, a00); a01 = Vector512.FusedMultiplyAdd(x0, y1, a01);
                a02 = Vector512.FusedMultiplyAdd(x0, y2, a02); a03 = Vector512.FusedMultiplyAdd(x0, y3, a03);
                a10 = Vector512.FusedMultiplyAdd(x1, y0, a10); a11 = Vector512.FusedMultiplyAdd(x1, y1, a11);
                a12 = Vector512.FusedMultiplyAdd(x1, y2, a12); a13 = Vector512.FusedMultiplyAdd(x1, y3, a13);
                a20 = Vector512.FusedMultiplyAdd(x2, y0, a20); a21 = Vector512.FusedMultiplyAdd(x2, y1, a21);
                a22 = Vector512.FusedMultiplyAdd(x2, y2, a22); a23 = Vector512.FusedMultiplyAdd(x2, y3, a23);
                a30 = Vector512.FusedMultiplyAdd(x3, y0, a30); a31 = Vector512.FusedMultiplyAdd(x3, y1, a31);
                a32 = Vector512.FusedMultiplyAdd(x3, y2, a32); a33 = Vector512.FusedMultiplyAdd(x3, y3, a33);
            }

            (LaneSums.Sum4(a00, a01, a02, a03) * scale).Store(rows + s);
            (LaneSums.Sum4(a10, a11, a12, a13) * scale).Store(rows + rowStride + s);
            (LaneSums.Sum4(a20, a21, a22, a23) * scale).Store(rows + (2 * rowStride) + s);
            (LaneSums.Sum4(a30, a31, a32, a33) * scale).Store(rows + (3 * rowStride) + s);
        }

        for (var j = 0; j < 4; j++)
        {
            Tail(q + (j * qStride), keys, stride, hd, s, length, scale, rows + (j * rowStride));
        }
    }

    /// <summary>Positions [<paramref name="from"/>, <paramref name="length"/>) one at a time.</summary>
    private static void Tail(float* q, float* keys, int stride, int hd, int from, int length, float scale, float* scores)
    {
        for (var s = from; s < length; s++)
        {
            var k = keys + ((long)s * stride);
            var acc = Vector512.Load(q) * Vector512.Load(k);
            for (var i = 16; i < hd; i += 16)
            {
                acc = Vector512.FusedMultiplyAdd(Vector512.Load(q + i), Vector512.Load(k + i), acc);
            }

            scores[s] = LaneSums.Sum(acc) * scale;
        }
    }
}
