namespace Sn19.Inference.Kernels;

using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

/// <summary>
/// Q8_0 products on 512-bit vectors, two blocks (64 weights) per instruction. .NET exposes no 512-bit
/// vpdpbusd, so a block pair's integer products are vpmaddubsw(|x|, w·sign(x)) then vpmaddwd: 16 exact int32
/// lanes, eight per block (|x| ≤ 127 and |w| ≤ 127, so no 16-bit pair sum saturates). w·sign(x) is one
/// vpternlogd select between w and −w under the token's sign mask. The vpmaddwd multiplies by the weight
/// block's integer scale step (<see cref="Q8ScaleSteps"/>, the row's 32 steps loaded once per 32 blocks and
/// spread over the lanes by one vpermw) rather than by ones, so the float side is one conversion and one
/// fused multiply-add by d_x per 64 weights, and each row's power-of-two unit multiplies its sum once.
/// With the tile's grouped lane sums (<see cref="LaneSums"/>) that is TileKernelBenchmarks' Q8Wide512 row.
/// Decode rows, tile cells and single cells run the same operations in the same order, so decode and
/// batched prefill agree to the bit. Weights are in <see cref="Q8RowGroups"/>: four rows' pairs side by
/// side, so the four rows of <see cref="Rows"/> and <see cref="Tile"/> are one stream; a row that ends
/// mid-pair is zero-padded, and the activation side of the missing block is zero too.
/// </summary>
internal static unsafe class Q8Wide
{
    /// <summary>A block pair: the unit of one 512-bit step.</summary>
    public const int PairBytes = 2 * Q8.BlockSize;

    /// <summary>Scale steps a kernel may read past the last row's: a 32-step group is loaded whole.</summary>
    public const int StepPadding = 32;

    /// <summary>
    /// How far ahead of its reads decode asks for the group's stream, four cache lines per step. Row by
    /// row, prefetching was worth ~140 → ~250 tok/s on 110m Q8_0; in row groups the hardware prefetchers
    /// do most of it (see the README's figures). Prefetches never fault, so running past the chunk or the
    /// matrix is harmless. F32 rows showed no gain and do not prefetch.
    /// </summary>
    public const int PrefetchBytes = 4096;

    public static bool IsSupported => Avx512BW.IsSupported;

    /// <summary>Decode: one token against the 4 weight rows of the group at <paramref name="wq"/>, each exactly as <see cref="Dot"/>.</summary>
    [SkipLocalsInit]
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Rows(byte* mag, sbyte* sign, float* lanes, sbyte* wq, short* ws, float* units, int k, float* y)
    {
        var a0 = Vector512<float>.Zero; var a1 = Vector512<float>.Zero;
        var a2 = Vector512<float>.Zero; var a3 = Vector512<float>.Zero;
        var blocks = k / Q8.BlockSize;
        short* s0 = ws, s1 = ws + blocks, s2 = ws + (2 * blocks), s3 = ws + (3 * blocks);
        for (var p = 0; p < (blocks + 1) / 2; p++)
        {
            var o = p * PairBytes;
            var q = wq + (p * Q8RowGroups.PairStride);
            var group = (2 * p) & ~31;
            var spread = Spread(p);
            var m = Vector512.Load(mag + o);
            var n = Vector512.Load(sign + o);
            var sx = Vector512.Load(lanes + (16 * p));
            Sse.Prefetch0(q + PrefetchBytes); Sse.Prefetch0(q + PrefetchBytes + 64);
            Sse.Prefetch0(q + PrefetchBytes + 128); Sse.Prefetch0(q + PrefetchBytes + 192);

            var w = Vector512.Load(q);
            a0 = Cell(a0, m, n, w, -w, sx, Avx512BW.PermuteVar32x16(Vector512.Load(s0 + group), spread));
            w = Vector512.Load(q + PairBytes);
            a1 = Cell(a1, m, n, w, -w, sx, Avx512BW.PermuteVar32x16(Vector512.Load(s1 + group), spread));
            w = Vector512.Load(q + (2 * PairBytes));
            a2 = Cell(a2, m, n, w, -w, sx, Avx512BW.PermuteVar32x16(Vector512.Load(s2 + group), spread));
            w = Vector512.Load(q + (3 * PairBytes));
            a3 = Cell(a3, m, n, w, -w, sx, Avx512BW.PermuteVar32x16(Vector512.Load(s3 + group), spread));
        }

        y[0] = LaneSums.Sum(a0) * units[0]; y[1] = LaneSums.Sum(a1) * units[1];
        y[2] = LaneSums.Sum(a2) * units[2]; y[3] = LaneSums.Sum(a3) * units[3];
    }

    /// <summary>
    /// Prefill: 4 token rows (<paramref name="stride"/> apart in the wide layout) against the 4 weight rows of
    /// the group at <paramref name="wq"/>, 16 accumulators; each weight pair is loaded and negated once for four tokens.
    /// </summary>
    [SkipLocalsInit]
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Tile(byte* mag, sbyte* sign, float* lanes, int stride, sbyte* wq, short* ws, float* units, int k, float* y, int ldy)
    {
        var a00 = Vector512<float>.Zero; var a01 = Vector512<float>.Zero; var a02 = Vector512<float>.Zero; var a03 = Vector512<float>.Zero;
        var a10 = Vector512<float>.Zero; var a11 = Vector512<float>.Zero; var a12 = Vector512<float>.Zero; var a13 = Vector512<float>.Zero;
        var a20 = Vector512<float>.Zero; var a21 = Vector512<float>.Zero; var a22 = Vector512<float>.Zero; var a23 = Vector512<float>.Zero;
        var a30 = Vector512<float>.Zero; var a31 = Vector512<float>.Zero; var a32 = Vector512<float>.Zero; var a33 = Vector512<float>.Zero;
        var blocks = k / Q8.BlockSize;
        var laneStride = stride / 4;
        for (var p = 0; p < (blocks + 1) / 2; p++)
        {
            var o = p * PairBytes;
            var q = wq + (p * Q8RowGroups.PairStride);
            var group = (2 * p) & ~31;
            var spread = Spread(p);
            var m0 = Vector512.Load(mag + o); var n0 = Vector512.Load(sign + o); var x0 = Vector512.Load(lanes + (16 * p));
            var m1 = Vector512.Load(mag + stride + o); var n1 = Vector512.Load(sign + stride + o); var x1 = Vector512.Load(lanes + laneStride + (16 * p));
            var m2 = Vector512.Load(mag + (2 * stride) + o); var n2 = Vector512.Load(sign + (2 * stride) + o); var x2 = Vector512.Load(lanes + (2 * laneStride) + (16 * p));
            var m3 = Vector512.Load(mag + (3 * stride) + o); var n3 = Vector512.Load(sign + (3 * stride) + o); var x3 = Vector512.Load(lanes + (3 * laneStride) + (16 * p));

            var w = Vector512.Load(q); var nw = -w; var d = Avx512BW.PermuteVar32x16(Vector512.Load(ws + group), spread);
            a00 = Cell(a00, m0, n0, w, nw, x0, d); a10 = Cell(a10, m1, n1, w, nw, x1, d);
            a20 = Cell(a20, m2, n2, w, nw, x2, d); a30 = Cell(a30, m3, n3, w, nw, x3, d);
            w = Vector512.Load(q + PairBytes); nw = -w; d = Avx512BW.PermuteVar32x16(Vector512.Load(ws + blocks + group), spread);
            a01 = Cell(a01, m0, n0, w, nw, x0, d); a11 = Cell(a11, m1, n1, w, nw, x1, d);
            a21 = Cell(a21, m2, n2, w, nw, x2, d); a31 = Cell(a31, m3, n3, w, nw, x3, d);
            w = Vector512.Load(q + (2 * PairBytes)); nw = -w; d = Avx512BW.PermuteVar32x16(Vector512.Load(ws + (2 * blocks) + group), spread);
            a02 = Cell(a02, m0, n0, w, nw, x0, d); a12 = Cell(a12, m1, n1, w, nw, x1, d);
            a22 = Cell(a22, m2, n2, w, nw, x2, d); a32 = Cell(a32, m3, n3, w, nw, x3, d);
            w = Vector512.Load(q + (3 * PairBytes)); nw = -w; d = Avx512BW.PermuteVar32x16(Vector512.Load(ws + (3 * blocks) + group), spread);
            a03 = Cell(a03, m0, n0, w, nw, x0, d); a13 = Cell(a13, m1, n1, w, nw, x1, d);
            a23 = Cell(a23, m2, n2, w, nw, x2, d); a33 = Cell(a33, m3, n3, w, nw, x3, d);
        }

        LaneSums.Tile(a00, a01, a02, a03, a10, a11, a12, a13, a20, a21, a22, a23, a30, a31, a32, a33, y, ldy, Vector128.Load(units));
    }

    /// <summary>One token row against one weight row, whose pairs are <see cref="Q8RowGroups.PairStride"/> apart from <paramref name="wq"/> (the edges of the tiling).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static float Dot(byte* mag, sbyte* sign, float* lanes, sbyte* wq, short* ws, float unit, int k)
    {
        var acc = Vector512<float>.Zero;
        var blocks = k / Q8.BlockSize;
        for (var p = 0; p < (blocks + 1) / 2; p++)
        {
            var o = p * PairBytes;
            var w = Vector512.Load(wq + (p * Q8RowGroups.PairStride));
            var d = Avx512BW.PermuteVar32x16(Vector512.Load(ws + ((2 * p) & ~31)), Spread(p));
            acc = Cell(acc, Vector512.Load(mag + o), Vector512.Load(sign + o), w, -w, Vector512.Load(lanes + (16 * p)), d);
        }

        return LaneSums.Sum(acc) * unit;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Cell(
        Vector512<float> acc, Vector512<byte> mag, Vector512<sbyte> sign, Vector512<sbyte> w, Vector512<sbyte> negW, Vector512<float> sx, Vector512<short> steps) =>
        Vector512.FusedMultiplyAdd(Products(mag, sign, w, negW, steps), sx, acc);

    /// <summary>Σ of four x·w per int32 lane times the block's scale step, as floats: lanes 0–7 from the pair's first block, 8–15 from its second.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Products(Vector512<byte> mag, Vector512<sbyte> sign, Vector512<sbyte> w, Vector512<sbyte> negW, Vector512<short> steps)
    {
        var signed = Vector512.ConditionalSelect(sign, negW, w);
        var pairs = Avx512BW.MultiplyAddAdjacent(mag, signed);
        return Avx512F.ConvertToVector512Single(Avx512BW.MultiplyAddAdjacent(pairs, steps));
    }

    /// <summary>The vpermw index that puts step 2j of a 32-step group on 16-bit lanes 0–15 and 2j + 1 on 16–31 (j = pair mod 16).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<short> Spread(int pair) =>
        Vector512.Create((short)(2 * (pair & 15))) + Vector512.Create(
            (short)0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1);
}
