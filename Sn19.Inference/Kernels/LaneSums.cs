namespace Sn19.Inference.Kernels;

using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

/// <summary>
/// Horizontal sums of 512-bit accumulators in one fixed order: halves (lanes i + i+8), then quarters
/// (i + i+4), then pairs (i + i+2), then the last two. <see cref="Sum"/> reduces one vector; <see cref="Tile"/>
/// reduces the 16 accumulators of a 4 × 4 tile together — each shuffle-and-add step halves the number of
/// vectors, 45 operations for 16 sums instead of ~10 per sum — and, because float addition is commutative,
/// gives each cell exactly the bits <see cref="Sum"/> gives it. That keeps decode rows and prefill tiles
/// identical while the tiles of short rows (the 288-wide 15m shape) stop spending a third of their time
/// on reductions.
/// </summary>
internal static class LaneSums
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Sum(Vector512<float> v)
    {
        var eight = v.GetLower() + v.GetUpper();
        var four = eight.GetLower() + eight.GetUpper();
        var two = four + Vector128.Shuffle(four, Vector128.Create(2, 3, 0, 1));
        return two.ToScalar() + two.GetElement(1);
    }

    /// <summary>
    /// Writes the sums of a 4 × 4 tile (a{t}{r}: token t, weight row r), each multiplied by its row's factor,
    /// to y[t·ldy + r] (one product per cell, as a decode row applies it; F32 tiles pass ones, which is exact).
    /// Call only where <see cref="Avx512F"/> is supported.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Tile(
        Vector512<float> a00, Vector512<float> a01, Vector512<float> a02, Vector512<float> a03,
        Vector512<float> a10, Vector512<float> a11, Vector512<float> a12, Vector512<float> a13,
        Vector512<float> a20, Vector512<float> a21, Vector512<float> a22, Vector512<float> a23,
        Vector512<float> a30, Vector512<float> a31, Vector512<float> a32, Vector512<float> a33,
        float* y, int ldy, Vector128<float> rowFactors)
    {
        var factors = Vector512.Create(Vector256.Create(rowFactors, rowFactors), Vector256.Create(rowFactors, rowFactors));
        var sums = TileSums(a00, a01, a02, a03, a10, a11, a12, a13, a20, a21, a22, a23, a30, a31, a32, a33) * factors;
        Avx512F.ExtractVector128(sums, 0).Store(y);
        Avx512F.ExtractVector128(sums, 1).Store(y + ldy);
        Avx512F.ExtractVector128(sums, 2).Store(y + (2 * ldy));
        Avx512F.ExtractVector128(sums, 3).Store(y + (3 * ldy));
    }

    /// <summary>
    /// Vector k = 4·r + t; after the four steps lane 4·j + m holds vector 4·m + j = (token j, row m),
    /// so each 128-bit quarter is one token's four row sums.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> TileSums(
        Vector512<float> a00, Vector512<float> a01, Vector512<float> a02, Vector512<float> a03,
        Vector512<float> a10, Vector512<float> a11, Vector512<float> a12, Vector512<float> a13,
        Vector512<float> a20, Vector512<float> a21, Vector512<float> a22, Vector512<float> a23,
        Vector512<float> a30, Vector512<float> a31, Vector512<float> a32, Vector512<float> a33)
    {
        var h0 = Halves(a00, a10); var h1 = Halves(a20, a30); var h2 = Halves(a01, a11); var h3 = Halves(a21, a31);
        var h4 = Halves(a02, a12); var h5 = Halves(a22, a32); var h6 = Halves(a03, a13); var h7 = Halves(a23, a33);
        var q0 = Quarters(h0, h1); var q1 = Quarters(h2, h3); var q2 = Quarters(h4, h5); var q3 = Quarters(h6, h7);
        var p0 = Pairs(q0, q1);
        var p1 = Pairs(q2, q3);
        return Avx512F.Shuffle(p0, p1, 0x88) + Avx512F.Shuffle(p0, p1, 0xDD);
    }

    /// <summary>The sums of four vectors, each with exactly the bits of <see cref="Sum"/>. Needs <see cref="Avx512F"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Sum4(Vector512<float> a, Vector512<float> b, Vector512<float> c, Vector512<float> d)
    {
        var quarters = Quarters(Halves(a, b), Halves(c, d));
        var pairs = quarters + Vector512.Shuffle(quarters, Vector512.Create(2, 3, 0, 1, 6, 7, 4, 5, 10, 11, 8, 9, 14, 15, 12, 13));
        var sums = pairs + Vector512.Shuffle(pairs, Vector512.Create(1, 0, 3, 2, 5, 4, 7, 6, 9, 8, 11, 10, 13, 12, 15, 14));
        return Avx512F.PermuteVar16x32(sums, Vector512.Create(0, 4, 8, 12, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)).GetLower().GetLower();
    }

    /// <summary>[a's low half + high half | b's likewise]: quarters [a0+a2, a1+a3, b0+b2, b1+b3].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Halves(Vector512<float> a, Vector512<float> b) =>
        Avx512F.Shuffle4x128(a, b, 0x44) + Avx512F.Shuffle4x128(a, b, 0xEE);

    /// <summary>Quarters [a0+a1, a2+a3, b0+b1, b2+b3] of two results of <see cref="Halves"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Quarters(Vector512<float> a, Vector512<float> b) =>
        Avx512F.Shuffle4x128(a, b, 0x88) + Avx512F.Shuffle4x128(a, b, 0xDD);

    /// <summary>Within each quarter: [a0+a2, a1+a3, b0+b2, b1+b3].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Pairs(Vector512<float> a, Vector512<float> b) =>
        Avx512F.UnpackLow(a.AsDouble(), b.AsDouble()).AsSingle() + Avx512F.UnpackHigh(a.AsDouble(), b.AsDouble()).AsSingle();
}
