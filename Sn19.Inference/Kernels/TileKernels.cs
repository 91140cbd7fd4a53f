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
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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

        LaneSums.Tile(a00, a01, a02, a03, a10, a11, a12, a13, a20, a21, a22, a23, a30, a31, a32, a33, y, ldy, Vector128<float>.One);
    }

    /// <summary>
    /// One Q8_0 tile: 4 quantised token rows against 4 quantised weight rows. vpdpbusd multiplies unsigned
    /// by signed bytes, so the token quants are offset to x + 128 (a sign-bit flip) and the weights'
    /// 128·Σw is subtracted through the accumulator's start value: (x + 128)·w − 128·Σw = x·w, exactly.
    /// That leaves one instruction per block product (no per-pair sign fix-up, and the EVEX form can use
    /// all 32 vector registers). The integer sums are exact, so results are bit-identical to decode's
    /// sign-based <see cref="Kernels.Q8.Dot"/>, which scales and accumulates in the same order.
    /// </summary>
    [SkipLocalsInit]
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Q8(sbyte* xq, float* xs, sbyte* wq, float* ws, int k, float* y, int ldy)
    {
        if (!AvxVnni.IsSupported)
        {
            Q8Sign(xq, xs, wq, ws, k, y, ldy);
            return;
        }

        var a00 = Vector256<float>.Zero; var a01 = Vector256<float>.Zero; var a02 = Vector256<float>.Zero; var a03 = Vector256<float>.Zero;
        var a10 = Vector256<float>.Zero; var a11 = Vector256<float>.Zero; var a12 = Vector256<float>.Zero; var a13 = Vector256<float>.Zero;
        var a20 = Vector256<float>.Zero; var a21 = Vector256<float>.Zero; var a22 = Vector256<float>.Zero; var a23 = Vector256<float>.Zero;
        var a30 = Vector256<float>.Zero; var a31 = Vector256<float>.Zero; var a32 = Vector256<float>.Zero; var a33 = Vector256<float>.Zero;
        var blocks = k / Kernels.Q8.BlockSize;
        var flip = Vector256.Create((byte)0x80);
        for (var b = 0; b < blocks; b++)
        {
            var o = b * Kernels.Q8.BlockSize;
            var x0 = Vector256.Xor(Vector256.Load((byte*)xq + o), flip);
            var x1 = Vector256.Xor(Vector256.Load((byte*)xq + k + o), flip);
            var x2 = Vector256.Xor(Vector256.Load((byte*)xq + (2 * k) + o), flip);
            var x3 = Vector256.Xor(Vector256.Load((byte*)xq + (3 * k) + o), flip);
            var s0 = xs[b];
            var s1 = xs[blocks + b];
            var s2 = xs[(2 * blocks) + b];
            var s3 = xs[(3 * blocks) + b];

            var w = Vector256.Load(wq + o);
            var c = Offset(w, flip);
            var d = ws[b];
            a00 = Cell(a00, c, x0, w, s0 * d); a10 = Cell(a10, c, x1, w, s1 * d);
            a20 = Cell(a20, c, x2, w, s2 * d); a30 = Cell(a30, c, x3, w, s3 * d);
            w = Vector256.Load(wq + k + o);
            c = Offset(w, flip);
            d = ws[blocks + b];
            a01 = Cell(a01, c, x0, w, s0 * d); a11 = Cell(a11, c, x1, w, s1 * d);
            a21 = Cell(a21, c, x2, w, s2 * d); a31 = Cell(a31, c, x3, w, s3 * d);
            w = Vector256.Load(wq + (2 * k) + o);
            c = Offset(w, flip);
            d = ws[(2 * blocks) + b];
            a02 = Cell(a02, c, x0, w, s0 * d); a12 = Cell(a12, c, x1, w, s1 * d);
            a22 = Cell(a22, c, x2, w, s2 * d); a32 = Cell(a32, c, x3, w, s3 * d);
            w = Vector256.Load(wq + (3 * k) + o);
            c = Offset(w, flip);
            d = ws[(3 * blocks) + b];
            a03 = Cell(a03, c, x0, w, s0 * d); a13 = Cell(a13, c, x1, w, s1 * d);
            a23 = Cell(a23, c, x2, w, s2 * d); a33 = Cell(a33, c, x3, w, s3 * d);
        }

        y[0] = Vector256.Sum(a00); y[1] = Vector256.Sum(a01); y[2] = Vector256.Sum(a02); y[3] = Vector256.Sum(a03);
        y += ldy;
        y[0] = Vector256.Sum(a10); y[1] = Vector256.Sum(a11); y[2] = Vector256.Sum(a12); y[3] = Vector256.Sum(a13);
        y += ldy;
        y[0] = Vector256.Sum(a20); y[1] = Vector256.Sum(a21); y[2] = Vector256.Sum(a22); y[3] = Vector256.Sum(a23);
        y += ldy;
        y[0] = Vector256.Sum(a30); y[1] = Vector256.Sum(a31); y[2] = Vector256.Sum(a32); y[3] = Vector256.Sum(a33);
    }

    /// <summary>The AVX2 tile (no VNNI): sign fix-up per product, as in decode.</summary>
    [SkipLocalsInit]
    private static void Q8Sign(sbyte* xq, float* xs, sbyte* wq, float* ws, int k, float* y, int ldy)
    {
        var blocks = k / Kernels.Q8.BlockSize;
        for (var t = 0; t < Tile; t++)
        {
            Q8Rows(xq + (t * k), xs + (t * blocks), wq, ws, k, y + (t * ldy));
        }
    }

    /// <summary>−128·Σw per int32 lane (each lane covers 4 weights), the start value that undoes the +128 offset.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<int> Offset(Vector256<sbyte> w, Vector256<byte> flip) =>
        Vector256<int>.Zero - AvxVnni.MultiplyWideningAndAdd(Vector256<int>.Zero, flip, w);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Cell(Vector256<float> acc, Vector256<int> offset, Vector256<byte> x, Vector256<sbyte> w, float scale) =>
        Vector256.FusedMultiplyAdd(Vector256.ConvertToSingle(AvxVnni.MultiplyWideningAndAdd(offset, x, w)), Vector256.Create(scale), acc);

    /// <summary>
    /// Decode: one token against 4 consecutive F32 weight rows (k divisible by 16). Each row keeps its own
    /// accumulator in the same order as a tile cell (bit-identical results); four independent chains hide
    /// the fused multiply-add latency and the token vector is loaded once for four rows.
    /// </summary>
    [SkipLocalsInit]
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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

        y[0] = LaneSums.Sum(a0); y[1] = LaneSums.Sum(a1); y[2] = LaneSums.Sum(a2); y[3] = LaneSums.Sum(a3);
    }

    /// <summary>
    /// Decode: one quantised token against 4 consecutive Q8_0 weight rows, bit-identical to tile cells.
    /// Eight blocks at a time, the eight scale products d_x·d_w of each row come from one vector multiply
    /// and reach each block through a constant lane permute (instead of a scalar multiply and broadcast),
    /// and the row pointers advance instead of being recomputed: decode is the engine's hottest loop.
    /// </summary>
    [SkipLocalsInit]
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Q8Rows(sbyte* xq, float* xs, sbyte* wq, float* ws, int k, float* y)
    {
        var a0 = Vector256<float>.Zero; var a1 = Vector256<float>.Zero;
        var a2 = Vector256<float>.Zero; var a3 = Vector256<float>.Zero;
        var blocks = k / Kernels.Q8.BlockSize;
        sbyte* p0 = wq, p1 = wq + k, p2 = wq + (2 * k), p3 = wq + (3 * k);
        float* s0 = ws, s1 = ws + blocks, s2 = ws + (2 * blocks), s3 = ws + (3 * blocks);
        var x = xq;
        var b = 0;
        for (; b + 8 <= blocks; b += 8)
        {
            var sx = Vector256.Load(xs + b);
            var c0 = sx * Vector256.Load(s0 + b);
            var c1 = sx * Vector256.Load(s1 + b);
            var c2 = sx * Vector256.Load(s2 + b);
            var c3 = sx * Vector256.Load(s3 + b);
            Block8(ref a0, ref a1, ref a2, ref a3, x, p0, p1, p2, p3, c0, c1, c2, c3, 0);
            Block8(ref a0, ref a1, ref a2, ref a3, x, p0, p1, p2, p3, c0, c1, c2, c3, 1);
            Block8(ref a0, ref a1, ref a2, ref a3, x, p0, p1, p2, p3, c0, c1, c2, c3, 2);
            Block8(ref a0, ref a1, ref a2, ref a3, x, p0, p1, p2, p3, c0, c1, c2, c3, 3);
            Block8(ref a0, ref a1, ref a2, ref a3, x, p0, p1, p2, p3, c0, c1, c2, c3, 4);
            Block8(ref a0, ref a1, ref a2, ref a3, x, p0, p1, p2, p3, c0, c1, c2, c3, 5);
            Block8(ref a0, ref a1, ref a2, ref a3, x, p0, p1, p2, p3, c0, c1, c2, c3, 6);
            Block8(ref a0, ref a1, ref a2, ref a3, x, p0, p1, p2, p3, c0, c1, c2, c3, 7);
            x += 8 * Kernels.Q8.BlockSize;
            p0 += 8 * Kernels.Q8.BlockSize;
            p1 += 8 * Kernels.Q8.BlockSize;
            p2 += 8 * Kernels.Q8.BlockSize;
            p3 += 8 * Kernels.Q8.BlockSize;
        }

        for (; b < blocks; b++)
        {
            var o = b * Kernels.Q8.BlockSize;
            var v = Vector256.Load(xq + o);
            var d = xs[b];
            var w = Vector256.Load(wq + o);
            a0 = Kernels.Q8.Step(a0, Avx2.Abs(w), w, v, d * ws[b]);
            w = Vector256.Load(wq + k + o);
            a1 = Kernels.Q8.Step(a1, Avx2.Abs(w), w, v, d * ws[blocks + b]);
            w = Vector256.Load(wq + (2 * k) + o);
            a2 = Kernels.Q8.Step(a2, Avx2.Abs(w), w, v, d * ws[(2 * blocks) + b]);
            w = Vector256.Load(wq + (3 * k) + o);
            a3 = Kernels.Q8.Step(a3, Avx2.Abs(w), w, v, d * ws[(3 * blocks) + b]);
        }

        y[0] = Vector256.Sum(a0); y[1] = Vector256.Sum(a1); y[2] = Vector256.Sum(a2); y[3] = Vector256.Sum(a3);
    }

    /// <summary>Block <paramref name="j"/> (a constant after inlining) of an eight-block group, for four rows.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Block8(
        ref Vector256<float> a0, ref Vector256<float> a1, ref Vector256<float> a2, ref Vector256<float> a3,
        sbyte* x, sbyte* p0, sbyte* p1, sbyte* p2, sbyte* p3,
        Vector256<float> c0, Vector256<float> c1, Vector256<float> c2, Vector256<float> c3, int j)
    {
        var o = j * Kernels.Q8.BlockSize;
        var lane = Vector256.Create(j);
        var v = Vector256.Load(x + o);
        var w = Vector256.Load(p0 + o);
        a0 = Vector256.FusedMultiplyAdd(Vector256.ConvertToSingle(Kernels.Q8.IntProducts(Avx2.Abs(w), Avx2.Sign(v, w))), Avx2.PermuteVar8x32(c0, lane), a0);
        w = Vector256.Load(p1 + o);
        a1 = Vector256.FusedMultiplyAdd(Vector256.ConvertToSingle(Kernels.Q8.IntProducts(Avx2.Abs(w), Avx2.Sign(v, w))), Avx2.PermuteVar8x32(c1, lane), a1);
        w = Vector256.Load(p2 + o);
        a2 = Vector256.FusedMultiplyAdd(Vector256.ConvertToSingle(Kernels.Q8.IntProducts(Avx2.Abs(w), Avx2.Sign(v, w))), Avx2.PermuteVar8x32(c2, lane), a2);
        w = Vector256.Load(p3 + o);
        a3 = Vector256.FusedMultiplyAdd(Vector256.ConvertToSingle(Kernels.Q8.IntProducts(Avx2.Abs(w), Avx2.Sign(v, w))), Avx2.PermuteVar8x32(c3, lane), a3);
    }

    /// <summary>
    /// One F32 row product computed exactly as one cell of <see cref="F32(float*, float*, int, float*, int)"/>
    /// (one accumulator, same reduction), so decode and batched prefill agree to the bit.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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

        return LaneSums.Sum(acc);
    }
}
