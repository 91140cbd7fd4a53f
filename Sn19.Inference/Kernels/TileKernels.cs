namespace Sn19.Inference.Kernels;

using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

/// <summary>
/// Register-blocked products for the batched (prefill) path: a tile of 4 tokens × 4 weight rows keeps
/// 16 accumulators in registers, so each loaded vector feeds four fused multiply-adds and the weights
/// of a row block are read from memory once per matrix product instead of once per token.
/// y[t, r] = Σ_k x[t, k] · w[r, k].
/// </summary>
internal static unsafe class TileKernels
{
    public const int Tile = 4;

    /// <summary>The F32 tile needs 512-bit vectors and a row length divisible by 16 (no tail: a call
    /// after the loop would make the JIT spill the 16 accumulators on every iteration).</summary>
    public static bool HasF32Tile(int k) => Vector512.IsHardwareAccelerated && k % 16 == 0;

    public static bool HasQ8Tile => Avx2.IsSupported;

    /// <summary>One F32 tile (k divisible by 16). <paramref name="x"/> rows are <paramref name="k"/> apart, <paramref name="w"/>
    /// rows likewise, <paramref name="y"/> rows <paramref name="ldy"/> apart.</summary>
    [SkipLocalsInit]
    public static void F32(float* x, float* w, int k, float* y, int ldy)
    {
        var a00 = Vector512<float>.Zero; var a01 = Vector512<float>.Zero; var a02 = Vector512<float>.Zero; var a03 = Vector512<float>.Zero;
        var a10 = Vector512<float>.Zero; var a11 = Vector512<float>.Zero; var a12 = Vector512<float>.Zero; var a13 = Vector512<float>.Zero;
        var a20 = Vector512<float>.Zero; var a21 = Vector512<float>.Zero; var a22 = Vector512<float>.Zero; var a23 = Vector512<float>.Zero;
        var a30 = Vector512<float>.Zero; var a31 = Vector512<float>.Zero; var a32 = Vector512<float>.Zero; var a33 = Vector512<float>.Zero;
        float* x0 = x, x1 = x + k, x2 = x + (2 * k), x3 = x + (3 * k);
        float* w0 = w, w1 = w + k, w2 = w + (2 * k), w3 = w + (3 * k);
        for (var i = 0; i < k; i += 16)
        {
            var v0 = Vector512.Load(x0 + i); var v1 = Vector512.Load(x1 + i);
            var v2 = Vector512.Load(x2 + i); var v3 = Vector512.Load(x3 + i);
            var u = Vector512.Load(w0 + i);
            a00 = Vector512.FusedMultiplyAdd(v0, u, a00); a10 = Vector512.FusedMultiplyAdd(v1, u, a10);
            a20 = Vector512.FusedMultiplyAdd(v2, u, a20); a30 = Vector512.FusedMultiplyAdd(v3, u, a30);
            u = Vector512.Load(w1 + i);
            a01 = Vector512.FusedMultiplyAdd(v0, u, a01); a11 = Vector512.FusedMultiplyAdd(v1, u, a11);
            a21 = Vector512.FusedMultiplyAdd(v2, u, a21); a31 = Vector512.FusedMultiplyAdd(v3, u, a31);
            u = Vector512.Load(w2 + i);
            a02 = Vector512.FusedMultiplyAdd(v0, u, a02); a12 = Vector512.FusedMultiplyAdd(v1, u, a12);
            a22 = Vector512.FusedMultiplyAdd(v2, u, a22); a32 = Vector512.FusedMultiplyAdd(v3, u, a32);
            u = Vector512.Load(w3 + i);
            a03 = Vector512.FusedMultiplyAdd(v0, u, a03); a13 = Vector512.FusedMultiplyAdd(v1, u, a13);
            a23 = Vector512.FusedMultiplyAdd(v2, u, a23); a33 = Vector512.FusedMultiplyAdd(v3, u, a33);
        }

        y[0] = Vector512.Sum(a00); y[1] = Vector512.Sum(a01); y[2] = Vector512.Sum(a02); y[3] = Vector512.Sum(a03);
        y += ldy;
        y[0] = Vector512.Sum(a10); y[1] = Vector512.Sum(a11); y[2] = Vector512.Sum(a12); y[3] = Vector512.Sum(a13);
        y += ldy;
        y[0] = Vector512.Sum(a20); y[1] = Vector512.Sum(a21); y[2] = Vector512.Sum(a22); y[3] = Vector512.Sum(a23);
        y += ldy;
        y[0] = Vector512.Sum(a30); y[1] = Vector512.Sum(a31); y[2] = Vector512.Sum(a32); y[3] = Vector512.Sum(a33);
    }

    /// <summary>One Q8_0 tile: 4 quantised token rows against 4 quantised weight rows.</summary>
    [SkipLocalsInit]
    public static void Q8(sbyte* xq, float* xs, sbyte* wq, float* ws, int k, float* y, int ldy)
    {
        var a00 = Vector256<float>.Zero; var a01 = Vector256<float>.Zero; var a02 = Vector256<float>.Zero; var a03 = Vector256<float>.Zero;
        var a10 = Vector256<float>.Zero; var a11 = Vector256<float>.Zero; var a12 = Vector256<float>.Zero; var a13 = Vector256<float>.Zero;
        var a20 = Vector256<float>.Zero; var a21 = Vector256<float>.Zero; var a22 = Vector256<float>.Zero; var a23 = Vector256<float>.Zero;
        var a30 = Vector256<float>.Zero; var a31 = Vector256<float>.Zero; var a32 = Vector256<float>.Zero; var a33 = Vector256<float>.Zero;
        var blocks = k / Kernels.Q8.BlockSize;
        var sk = blocks;
        for (var b = 0; b < blocks; b++)
        {
            var o = b * Kernels.Q8.BlockSize;
            var x0 = Vector256.Load(xq + o); var x1 = Vector256.Load(xq + k + o);
            var x2 = Vector256.Load(xq + (2 * k) + o); var x3 = Vector256.Load(xq + (3 * k) + o);
            float s0 = xs[b], s1 = xs[sk + b], s2 = xs[(2 * sk) + b], s3 = xs[(3 * sk) + b];

            var w = Vector256.Load(wq + o);
            var aw = Avx2.Abs(w);
            var d = ws[b];
            a00 = Step(a00, aw, w, x0, s0 * d); a10 = Step(a10, aw, w, x1, s1 * d);
            a20 = Step(a20, aw, w, x2, s2 * d); a30 = Step(a30, aw, w, x3, s3 * d);
            w = Vector256.Load(wq + k + o);
            aw = Avx2.Abs(w);
            d = ws[sk + b];
            a01 = Step(a01, aw, w, x0, s0 * d); a11 = Step(a11, aw, w, x1, s1 * d);
            a21 = Step(a21, aw, w, x2, s2 * d); a31 = Step(a31, aw, w, x3, s3 * d);
            w = Vector256.Load(wq + (2 * k) + o);
            aw = Avx2.Abs(w);
            d = ws[(2 * sk) + b];
            a02 = Step(a02, aw, w, x0, s0 * d); a12 = Step(a12, aw, w, x1, s1 * d);
            a22 = Step(a22, aw, w, x2, s2 * d); a32 = Step(a32, aw, w, x3, s3 * d);
            w = Vector256.Load(wq + (3 * k) + o);
            aw = Avx2.Abs(w);
            d = ws[(3 * sk) + b];
            a03 = Step(a03, aw, w, x0, s0 * d); a13 = Step(a13, aw, w, x1, s1 * d);
            a23 = Step(a23, aw, w, x2, s2 * d); a33 = Step(a33, aw, w, x3, s3 * d);
        }

        y[0] = Vector256.Sum(a00); y[1] = Vector256.Sum(a01); y[2] = Vector256.Sum(a02); y[3] = Vector256.Sum(a03);
        y += ldy;
        y[0] = Vector256.Sum(a10); y[1] = Vector256.Sum(a11); y[2] = Vector256.Sum(a12); y[3] = Vector256.Sum(a13);
        y += ldy;
        y[0] = Vector256.Sum(a20); y[1] = Vector256.Sum(a21); y[2] = Vector256.Sum(a22); y[3] = Vector256.Sum(a23);
        y += ldy;
        y[0] = Vector256.Sum(a30); y[1] = Vector256.Sum(a31); y[2] = Vector256.Sum(a32); y[3] = Vector256.Sum(a33);
    }

    /// <summary>
    /// Decode: one token against 4 consecutive F32 weight rows (k divisible by 16). Each row keeps its own
    /// accumulator in the same order as a tile cell (bit-identical results); four independent chains hide
    /// the fused multiply-add latency and the token vector is loaded once for four rows.
    /// </summary>
    [SkipLocalsInit]
    public static void F32Rows(float* x, float* w, int k, float* y)
    {
        var a0 = Vector512<float>.Zero; var a1 = Vector512<float>.Zero;
        var a2 = Vector512<float>.Zero; var a3 = Vector512<float>.Zero;
        float* w0 = w, w1 = w + k, w2 = w + (2 * k), w3 = w + (3 * k);
        for (var i = 0; i < k; i += 16)
        {
            var v = Vector512.Load(x + i);
            a0 = Vector512.FusedMultiplyAdd(v, Vector512.Load(w0 + i), a0);
            a1 = Vector512.FusedMultiplyAdd(v, Vector512.Load(w1 + i), a1);
            a2 = Vector512.FusedMultiplyAdd(v, Vector512.Load(w2 + i), a2);
            a3 = Vector512.FusedMultiplyAdd(v, Vector512.Load(w3 + i), a3);
        }

        y[0] = Vector512.Sum(a0); y[1] = Vector512.Sum(a1); y[2] = Vector512.Sum(a2); y[3] = Vector512.Sum(a3);
    }

    /// <summary>Decode: one quantised token against 4 consecutive Q8_0 weight rows, bit-identical to tile cells.</summary>
    [SkipLocalsInit]
    public static void Q8Rows(sbyte* xq, float* xs, sbyte* wq, float* ws, int k, float* y)
    {
        var a0 = Vector256<float>.Zero; var a1 = Vector256<float>.Zero;
        var a2 = Vector256<float>.Zero; var a3 = Vector256<float>.Zero;
        var blocks = k / Kernels.Q8.BlockSize;
        for (var b = 0; b < blocks; b++)
        {
            var o = b * Kernels.Q8.BlockSize;
            var x = Vector256.Load(xq + o);
            var s = xs[b];
            var w = Vector256.Load(wq + o);
            a0 = Step(a0, Avx2.Abs(w), w, x, s * ws[b]);
            w = Vector256.Load(wq + k + o);
            a1 = Step(a1, Avx2.Abs(w), w, x, s * ws[blocks + b]);
            w = Vector256.Load(wq + (2 * k) + o);
            a2 = Step(a2, Avx2.Abs(w), w, x, s * ws[(2 * blocks) + b]);
            w = Vector256.Load(wq + (3 * k) + o);
            a3 = Step(a3, Avx2.Abs(w), w, x, s * ws[(3 * blocks) + b]);
        }

        y[0] = Vector256.Sum(a0); y[1] = Vector256.Sum(a1); y[2] = Vector256.Sum(a2); y[3] = Vector256.Sum(a3);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Step(Vector256<float> acc, Vector256<byte> absW, Vector256<sbyte> w, Vector256<sbyte> x, float scale) =>
        Kernels.Q8.Step(acc, absW, w, x, scale);

    /// <summary>
    /// One F32 row product computed exactly as one cell of <see cref="F32(float*, float*, int, float*, int)"/>
    /// (one accumulator, same reduction), so decode and batched prefill agree to the bit.
    /// </summary>
    public static float Dot(float* x, float* w, int k)
    {
        if (!HasF32Tile(k))
        {
            return TensorPrimitives.Dot(new ReadOnlySpan<float>(x, k), new ReadOnlySpan<float>(w, k));
        }

        var acc = Vector512<float>.Zero;
        for (var i = 0; i < k; i += 16)
        {
            acc = Vector512.FusedMultiplyAdd(Vector512.Load(x + i), Vector512.Load(w + i), acc);
        }

        return Vector512.Sum(acc);
    }
}
