namespace Sn19.Inference.Kernels;

using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

/// <summary>
/// The <see cref="Q8Wide"/> products with AVX-VNNI: the same 32-row groups (<see cref="Q8RowGroups"/>), the
/// same per-lane float steps, but each 256-bit quarter of a slice pair (8 rows × 4 quants) is one vpdpbusd
/// instead of a sign select and two multiplies. vpdpbusd multiplies unsigned by signed bytes, so the weights
/// are stored as w + 128 (<see cref="WeightMatrix.OffsetQuants"/>) and the token's 128·Σq of the block is
/// taken off through the accumulator's start value
/// (<see cref="Q8Activations.Offsets"/>): Σ(w + 128)·q − 128·Σq = Σw·q, exactly, for every int8 w and q.
/// The block sums are therefore the very integers <see cref="Q8Wide"/> finds, and the float side runs the
/// same operations in the same order, so both kernels — and decode and prefill — give the same bits.
/// .NET exposes vpdpbusd at 256 bits only; on this machine's Zen 5 cores that is still one multiply
/// per 32 products where <see cref="Q8Wide"/> needs two per 64 plus the select: an in-cache tile runs
/// ~1.3× faster (TileKernelBenchmarks). The JIT emits the EVEX form, so the 16 integer accumulators, the
/// 8 float ones and the weights fit the 32 vector registers of AVX-512; it therefore needs both.
/// </summary>
internal static unsafe class Q8WideVnni
{
    private const int SliceCount = Q8.BlockSize / Q8RowGroups.SliceQuants;
    private const int QuarterBytes = 32;

    public static bool IsSupported => Q8Wide.IsSupported && AvxVnni.IsSupported;

    /// <summary>
    /// Decode: one token (q, its block offsets and scales) against the 32 rows of the group at
    /// <paramref name="wq"/> (steps at <paramref name="steps"/>, units at <paramref name="units"/>), into y[0..31].
    /// </summary>
    [SkipLocalsInit]
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Rows(sbyte* xq, int* offsets, float* dx, sbyte* wq, short* steps, float* units, int k, float* y)
    {
        var f0 = Vector512<float>.Zero;
        var f1 = Vector512<float>.Zero;
        for (var b = 0; b < k / Q8.BlockSize; b++)
        {
            var q = (byte*)wq + ((long)b * Q8RowGroups.BlockBytes);
            var x = xq + (b * Q8.BlockSize);
            var i0 = Vector256.Create(offsets[b]);
            var i1 = i0;
            var i2 = i0;
            var i3 = i0;
            for (var j = 0; j < SliceCount; j++)
            {
                var slice = q + (j * Q8RowGroups.PairBytes);
                Sse.Prefetch0(slice + Q8Wide.PrefetchBytes);
                Sse.Prefetch0(slice + Q8RowGroups.SliceBytes + Q8Wide.PrefetchBytes);
                var m = Broadcast(x + (4 * j));
                i0 = AvxVnni.MultiplyWideningAndAdd(i0, Vector256.Load(slice), m);
                i1 = AvxVnni.MultiplyWideningAndAdd(i1, Vector256.Load(slice + QuarterBytes), m);
                i2 = AvxVnni.MultiplyWideningAndAdd(i2, Vector256.Load(slice + (2 * QuarterBytes)), m);
                i3 = AvxVnni.MultiplyWideningAndAdd(i3, Vector256.Load(slice + (3 * QuarterBytes)), m);
            }

            var s = steps + (b * Q8RowGroups.Rows);
            var d = Vector512.Create(dx[b]);
            f0 = Vector512.FusedMultiplyAdd(Vector512.ConvertToSingle(Vector512.Create(i0, i1)), Q8Wide.Steps(s) * d, f0);
            f1 = Vector512.FusedMultiplyAdd(Vector512.ConvertToSingle(Vector512.Create(i2, i3)), Q8Wide.Steps(s + Q8RowGroups.HalfRows) * d, f1);
        }

        (f0 * Vector512.Load(units)).Store(y);
        (f1 * Vector512.Load(units + Q8RowGroups.HalfRows)).Store(y + Q8RowGroups.HalfRows);
    }

    /// <summary>
    /// Prefill: 4 tokens (q rows <paramref name="stride"/> bytes apart; offset and scale rows
    /// <paramref name="blockStride"/> entries apart) against the 32 rows of the group at <paramref name="wq"/>,
    /// into y[t·ldy + r]. Each weight quarter is loaded once for the four tokens.
    /// <paramref name="fromMemory"/> prefetches as decode does (see <see cref="Q8Wide.Tile"/>).
    /// </summary>
    [SkipLocalsInit]
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Tile(sbyte* xq, int stride, int* offsets, float* dx, int blockStride, sbyte* wq, short* steps, float* units, int k, float* y, int ldy, bool fromMemory)
    {
        // The float sums live in memory between blocks: kept in registers, they pushed 9 of the 16 integer
        // accumulators above ymm15, where the JIT moves each through a low register around every vpdpbusd.
        var f = stackalloc float[TileKernels.Tile * Q8RowGroups.Rows];
        new Span<float>(f, TileKernels.Tile * Q8RowGroups.Rows).Clear();
        for (var b = 0; b < k / Q8.BlockSize; b++)
        {
            var q = (byte*)wq + ((long)b * Q8RowGroups.BlockBytes);
            var x = xq + (b * Q8.BlockSize);
            var i00 = Vector256.Create(offsets[b]); var i01 = i00; var i02 = i00; var i03 = i00;
            var i10 = Vector256.Create(offsets[blockStride + b]); var i11 = i10; var i12 = i10; var i13 = i10;
            var i20 = Vector256.Create(offsets[(2 * blockStride) + b]); var i21 = i20; var i22 = i20; var i23 = i20;
            var i30 = Vector256.Create(offsets[(3 * blockStride) + b]); var i31 = i30; var i32 = i30; var i33 = i30;
            for (var j = 0; j < SliceCount; j++)
            {
                var slice = q + (j * Q8RowGroups.PairBytes);
                if (fromMemory)
                {
                    Sse.Prefetch0(slice + Q8Wide.PrefetchBytes);
                    Sse.Prefetch0(slice + Q8RowGroups.SliceBytes + Q8Wide.PrefetchBytes);
                }

                var w0 = Vector256.Load(slice);
                var w1 = Vector256.Load(slice + QuarterBytes);
                var w2 = Vector256.Load(slice + (2 * QuarterBytes));
                var w3 = Vector256.Load(slice + (3 * QuarterBytes));
                var m = Broadcast(x + (4 * j));
                i00 = AvxVnni.MultiplyWideningAndAdd(i00, w0, m); i01 = AvxVnni.MultiplyWideningAndAdd(i01, w1, m);
                i02 = AvxVnni.MultiplyWideningAndAdd(i02, w2, m); i03 = AvxVnni.MultiplyWideningAndAdd(i03, w3, m);
                m = Broadcast(x + stride + (4 * j));
                i10 = AvxVnni.MultiplyWideningAndAdd(i10, w0, m); i11 = AvxVnni.MultiplyWideningAndAdd(i11, w1, m);
                i12 = AvxVnni.MultiplyWideningAndAdd(i12, w2, m); i13 = AvxVnni.MultiplyWideningAndAdd(i13, w3, m);
                m = Broadcast(x + (2 * stride) + (4 * j));
                i20 = AvxVnni.MultiplyWideningAndAdd(i20, w0, m); i21 = AvxVnni.MultiplyWideningAndAdd(i21, w1, m);
                i22 = AvxVnni.MultiplyWideningAndAdd(i22, w2, m); i23 = AvxVnni.MultiplyWideningAndAdd(i23, w3, m);
                m = Broadcast(x + (3 * stride) + (4 * j));
                i30 = AvxVnni.MultiplyWideningAndAdd(i30, w0, m); i31 = AvxVnni.MultiplyWideningAndAdd(i31, w1, m);
                i32 = AvxVnni.MultiplyWideningAndAdd(i32, w2, m); i33 = AvxVnni.MultiplyWideningAndAdd(i33, w3, m);
            }

            var s = steps + (b * Q8RowGroups.Rows);
            var s0 = Q8Wide.Steps(s);
            var s1 = Q8Wide.Steps(s + Q8RowGroups.HalfRows);
            Accumulate(f, Vector512.Create(i00, i01), Vector512.Create(i02, i03), s0, s1, dx[b]);
            Accumulate(f + Q8RowGroups.Rows, Vector512.Create(i10, i11), Vector512.Create(i12, i13), s0, s1, dx[blockStride + b]);
            Accumulate(f + (2 * Q8RowGroups.Rows), Vector512.Create(i20, i21), Vector512.Create(i22, i23), s0, s1, dx[(2 * blockStride) + b]);
            Accumulate(f + (3 * Q8RowGroups.Rows), Vector512.Create(i30, i31), Vector512.Create(i32, i33), s0, s1, dx[(3 * blockStride) + b]);
        }

        var u0 = Vector512.Load(units);
        var u1 = Vector512.Load(units + Q8RowGroups.HalfRows);
        for (var t = 0; t < TileKernels.Tile; t++)
        {
            var ft = f + (t * Q8RowGroups.Rows);
            (Vector512.Load(ft) * u0).Store(y + (t * ldy));
            (Vector512.Load(ft + Q8RowGroups.HalfRows) * u1).Store(y + (t * ldy) + Q8RowGroups.HalfRows);
        }
    }

    /// <summary>One token's float sums of 32 rows (at <paramref name="f"/>) += block sums × step · d_x, as <see cref="Q8Wide"/> does.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Accumulate(float* f, Vector512<int> low, Vector512<int> high, Vector512<float> s0, Vector512<float> s1, float dx)
    {
        var d = Vector512.Create(dx);
        Vector512.FusedMultiplyAdd(Vector512.ConvertToSingle(low), s0 * d, Vector512.Load(f)).Store(f);
        Vector512.FusedMultiplyAdd(Vector512.ConvertToSingle(high), s1 * d, Vector512.Load(f + Q8RowGroups.HalfRows)).Store(f + Q8RowGroups.HalfRows);
    }

    /// <summary>Four signed activation bytes repeated over all 8 int32 lanes (one vpbroadcastd from memory).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<sbyte> Broadcast(sbyte* fourBytes) => Vector256.Create(Unsafe.ReadUnaligned<int>(fourBytes)).AsSByte();
}
