namespace Sn19.Inference.Kernels;

using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

/// <summary>
/// Q8_0 products on 512-bit vectors, 32 weight rows a call, weights in <see cref="Q8RowGroups"/>: each
/// int32 lane is one row. A slice's integer products are vpmaddubsw(|x|, w·sign(x)) then vpmaddwd by ones
/// (|x| ≤ 127 and |w| ≤ 127, so no 16-bit pair sum saturates), added into the lane's block sum; x is a
/// token's four activations broadcast to all 16 lanes, and w·sign(x) one vpternlogd select between w and
/// −w under their sign mask. .NET exposes no 512-bit vpdpbusd, so that is two multiplies per 64 products,
/// and the float side — one conversion and one fused multiply-add per block per 16 rows, by the block's
/// integer scale step (<see cref="Q8ScaleSteps"/>) times d_x — adds an eighth of that. The row-by-row
/// layout this replaced paid a float multiply-add per 64 products and a horizontal sum per row:
/// TileKernelBenchmarks' Q8Wide512 row, 140 → 190 G multiply-adds/s on one core (README).
/// Per lane: for each block in order, acc = fma(float(Σ q_w·q_x), step·d_x, acc); then y = acc · unit.
/// The decode rows and the prefill tile run exactly these operations, so decode and batched prefill
/// agree to the bit.
/// </summary>
internal static unsafe class Q8Wide
{
    /// <summary>
    /// How far ahead of its reads decode asks for the stream, one prefetch per cache line. Row by row,
    /// prefetching was worth ~140 → ~250 tok/s on 110m Q8_0; in row groups it is still worth ~0.8 → ~0.9 of the
    /// read probe (4 alternating runs each way; 2 and 8 KB ahead were no better). Prefetches never fault, so
    /// running past the matrix is harmless. F32 rows showed no gain and do not prefetch.
    /// </summary>
    public const int PrefetchBytes = 4096;

    private const int SliceCount = Q8.BlockSize / Q8RowGroups.SliceQuants;

    public static bool IsSupported => Avx512BW.IsSupported;

    /// <summary>
    /// Decode: one token (|q|, sign mask and the block scales d_x) against the 32 rows of the group at
    /// <paramref name="wq"/> (its steps at <paramref name="steps"/>, its units at <paramref name="units"/>), into y[0..31].
    /// </summary>
    [SkipLocalsInit]
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Rows(byte* mag, sbyte* sign, float* dx, sbyte* wq, short* steps, float* units, int k, float* y)
    {
        var f0 = Vector512<float>.Zero;
        var f1 = Vector512<float>.Zero;
        for (var b = 0; b < k / Q8.BlockSize; b++)
        {
            var q = wq + ((long)b * Q8RowGroups.BlockBytes);
            var x = b * Q8.BlockSize;
            var i0 = Vector512<int>.Zero;
            var i1 = Vector512<int>.Zero;
            for (var j = 0; j < SliceCount; j++)
            {
                var slice = q + (j * Q8RowGroups.PairBytes);
                Sse.Prefetch0(slice + PrefetchBytes);
                Sse.Prefetch0(slice + Q8RowGroups.SliceBytes + PrefetchBytes);
                var m = Broadcast(mag + x + (4 * j)).AsByte();
                var n = Broadcast(sign + x + (4 * j)).AsSByte();
                var w0 = Vector512.Load(slice);
                var w1 = Vector512.Load(slice + Q8RowGroups.SliceBytes);
                i0 = Slice(i0, m, n, w0, -w0);
                i1 = Slice(i1, m, n, w1, -w1);
            }

            var s = steps + (b * Q8RowGroups.Rows);
            var d = Vector512.Create(dx[b]);
            f0 = Vector512.FusedMultiplyAdd(Vector512.ConvertToSingle(i0), Steps(s) * d, f0);
            f1 = Vector512.FusedMultiplyAdd(Vector512.ConvertToSingle(i1), Steps(s + Q8RowGroups.HalfRows) * d, f1);
        }

        (f0 * Vector512.Load(units)).Store(y);
        (f1 * Vector512.Load(units + Q8RowGroups.HalfRows)).Store(y + Q8RowGroups.HalfRows);
    }

    /// <summary>
    /// Prefill: 4 tokens (|q| and sign rows <paramref name="stride"/> bytes apart, scale rows
    /// <paramref name="dxStride"/> floats apart) against the 32 rows of the group at <paramref name="wq"/>, into
    /// y[t·ldy + r]. Each weight slice is loaded and negated once for the four tokens. <paramref name="fromMemory"/>
    /// prefetches the group as decode does: for the first tile of a row block, which finds it in memory rather
    /// than in cache (the whole product when a few sequences decode together).
    /// </summary>
    [SkipLocalsInit]
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Tile(byte* mag, sbyte* sign, int stride, float* dx, int dxStride, sbyte* wq, short* steps, float* units, int k, float* y, int ldy, bool fromMemory)
    {
        var f00 = Vector512<float>.Zero; var f01 = Vector512<float>.Zero; var f10 = Vector512<float>.Zero; var f11 = Vector512<float>.Zero;
        var f20 = Vector512<float>.Zero; var f21 = Vector512<float>.Zero; var f30 = Vector512<float>.Zero; var f31 = Vector512<float>.Zero;
        for (var b = 0; b < k / Q8.BlockSize; b++)
        {
            var q = wq + ((long)b * Q8RowGroups.BlockBytes);
            var i00 = Vector512<int>.Zero; var i01 = Vector512<int>.Zero; var i10 = Vector512<int>.Zero; var i11 = Vector512<int>.Zero;
            var i20 = Vector512<int>.Zero; var i21 = Vector512<int>.Zero; var i30 = Vector512<int>.Zero; var i31 = Vector512<int>.Zero;
            for (var j = 0; j < SliceCount; j++)
            {
                var slice = q + (j * Q8RowGroups.PairBytes);
                if (fromMemory)
                {
                    Sse.Prefetch0(slice + PrefetchBytes);
                    Sse.Prefetch0(slice + Q8RowGroups.SliceBytes + PrefetchBytes);
                }

                var w0 = Vector512.Load(slice);
                var w1 = Vector512.Load(slice + Q8RowGroups.SliceBytes);
                var n0 = -w0;
                var n1 = -w1;
                var x = (b * Q8.BlockSize) + (4 * j);
                var m = Broadcast(mag + x).AsByte(); var n = Broadcast(sign + x).AsSByte();
                i00 = Slice(i00, m, n, w0, n0); i01 = Slice(i01, m, n, w1, n1);
                m = Broadcast(mag + stride + x).AsByte(); n = Broadcast(sign + stride + x).AsSByte();
                i10 = Slice(i10, m, n, w0, n0); i11 = Slice(i11, m, n, w1, n1);
                m = Broadcast(mag + (2 * stride) + x).AsByte(); n = Broadcast(sign + (2 * stride) + x).AsSByte();
                i20 = Slice(i20, m, n, w0, n0); i21 = Slice(i21, m, n, w1, n1);
                m = Broadcast(mag + (3 * stride) + x).AsByte(); n = Broadcast(sign + (3 * stride) + x).AsSByte();
                i30 = Slice(i30, m, n, w0, n0); i31 = Slice(i31, m, n, w1, n1);
            }

            var s = steps + (b * Q8RowGroups.Rows);
            var s0 = Steps(s);
            var s1 = Steps(s + Q8RowGroups.HalfRows);
            var d = Vector512.Create(dx[b]);
            f00 = Vector512.FusedMultiplyAdd(Vector512.ConvertToSingle(i00), s0 * d, f00);
            f01 = Vector512.FusedMultiplyAdd(Vector512.ConvertToSingle(i01), s1 * d, f01);
            d = Vector512.Create(dx[dxStride + b]);
            f10 = Vector512.FusedMultiplyAdd(Vector512.ConvertToSingle(i10), s0 * d, f10);
            f11 = Vector512.FusedMultiplyAdd(Vector512.ConvertToSingle(i11), s1 * d, f11);
            d = Vector512.Create(dx[(2 * dxStride) + b]);
            f20 = Vector512.FusedMultiplyAdd(Vector512.ConvertToSingle(i20), s0 * d, f20);
            f21 = Vector512.FusedMultiplyAdd(Vector512.ConvertToSingle(i21), s1 * d, f21);
            d = Vector512.Create(dx[(3 * dxStride) + b]);
            f30 = Vector512.FusedMultiplyAdd(Vector512.ConvertToSingle(i30), s0 * d, f30);
            f31 = Vector512.FusedMultiplyAdd(Vector512.ConvertToSingle(i31), s1 * d, f31);
        }

        var u0 = Vector512.Load(units);
        var u1 = Vector512.Load(units + Q8RowGroups.HalfRows);
        const int half = Q8RowGroups.HalfRows;
        (f00 * u0).Store(y); (f01 * u1).Store(y + half);
        (f10 * u0).Store(y + ldy); (f11 * u1).Store(y + ldy + half);
        (f20 * u0).Store(y + (2 * ldy)); (f21 * u1).Store(y + (2 * ldy) + half);
        (f30 * u0).Store(y + (3 * ldy)); (f31 * u1).Store(y + (3 * ldy) + half);
    }

    /// <summary>acc + Σ of four |x|·(w·sign(x)) per int32 lane: exact (each 16-bit pair sum ≤ 2·127·127).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<int> Slice(Vector512<int> acc, Vector512<byte> mag, Vector512<sbyte> sign, Vector512<sbyte> w, Vector512<sbyte> negW)
    {
        var pairs = Avx512BW.MultiplyAddAdjacent(mag, Vector512.ConditionalSelect(sign, negW, w));
        return acc + Avx512BW.MultiplyAddAdjacent(pairs, Vector512<short>.One);
    }

    /// <summary>Four activation bytes repeated over all 16 int32 lanes (one vpbroadcastd from memory).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<int> Broadcast(void* fourBytes) => Vector512.Create(Unsafe.ReadUnaligned<int>(fourBytes));

    /// <summary>Sixteen rows' scale steps as floats (exact: |step| ≤ 32,767).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Steps(short* steps) =>
        Vector512.ConvertToSingle(Avx512F.ConvertToVector512Int32(Vector256.Load(steps)));
}
