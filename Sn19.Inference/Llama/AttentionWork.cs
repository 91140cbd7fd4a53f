namespace Sn19.Inference.Llama;

using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Sn19.Inference.Kernels;

/// <summary>
/// Causal grouped-query attention for a batch of T tokens at positions p0..p0+T−1, parallel over
/// (token, head) pairs. Query head h reads key/value head h / (heads / kvHeads). Each pair is
/// computed by the same code whichever worker claims it.
/// </summary>
internal sealed unsafe class AttentionWork : IParallelWork
{
    private const long InlineBelow = 1L << 18;
    private const long InlineCacheBytes = 128 * 1024;
    private const int QueryBlock = 4;
    private readonly LlamaConfig _config;
    private readonly WorkerPool _pool;
    private readonly float*[] _scores;
    private readonly float _scale;
    private float* _q;
    private float* _keys;
    private float* _values;
    private float* _out;
    private int _tokens;
    private int _start;
    private int _cursor;

    public AttentionWork(LlamaConfig config, WorkerPool pool, NativeArena arena)
    {
        _config = config;
        _pool = pool;
        _scale = 1f / MathF.Sqrt(config.HeadDim);
        _scores = new float*[pool.WorkerCount];
        for (var i = 0; i < _scores.Length; i++)
        {
            _scores[i] = arena.Allocate<float>((long)QueryBlock * config.ContextLength);
        }
    }

    /// <summary>out (T × dim) = softmax(q·kᵀ/√headDim) · v per head, over cached positions 0..p.</summary>
    public void Run(float* q, float* keys, float* values, float* output, int tokens, int start)
    {
        _q = q;
        _keys = keys;
        _values = values;
        _out = output;
        _tokens = tokens;
        _start = start;
        _cursor = 0;

        // A short decode attention runs on the calling thread: a dispatch is a barrier, and on a busy
        // machine every barrier can cost a scheduler slice. Past ~128 KB of cached keys and values the
        // read is memory-bound, and two cores read it faster than one (110m decode: 0.52 → ~0.3 ms a token).
        var cacheBytes = (long)(start + tokens) * _config.KvDim * 2 * sizeof(float);
        if ((long)tokens * (start + tokens) * _config.Dim < InlineBelow && cacheBytes < InlineCacheBytes)
        {
            Execute(0);
        }
        else
        {
            _pool.Run(this);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Execute(int workerIndex)
    {
        var c = _config;
        var hd = c.HeadDim;
        var group = c.Heads / c.KvHeads;
        var scores = _scores[workerIndex];
        var blocks = (_tokens + QueryBlock - 1) / QueryBlock;
        var items = blocks * c.Heads;
        var fast = hd % 16 == 0 && Vector512.IsHardwareAccelerated;
        while (true)
        {
            var item = Interlocked.Increment(ref _cursor) - 1;
            if (item >= items)
            {
                return;
            }

            var t0 = item / c.Heads * QueryBlock;
            var h = item % c.Heads;
            var count = Math.Min(QueryBlock, _tokens - t0);
            var kvOffset = h / group * hd;
            if (!fast)
            {
                for (var t = t0; t < t0 + count; t++)
                {
                    PortableHead(t, h, kvOffset, scores);
                }

                continue;
            }

            // Each query of the block: its scores and softmax, then the weighted values, four queries
            // together where the head splits into 64-value groups (16 independent sums in flight).
            for (var j = 0; j < count; j++)
            {
                var t = t0 + j;
                var length = _start + t + 1;
                var row = scores + ((long)j * c.ContextLength);
                HeadScores(_q + ((long)t * c.Dim) + (h * hd), _keys + kvOffset, c.KvDim, hd, length, row);
                var weights = new Span<float>(row, length);
                TensorPrimitives.SoftMax(weights, weights);
            }

            var output = _out + ((long)t0 * c.Dim) + (h * hd);
            if (count == QueryBlock)
            {
                BlockWeightedValues(scores, c.ContextLength, _values + kvOffset, c.KvDim, hd, _start + t0 + 1, output, c.Dim);
                continue;
            }

            for (var j = 0; j < count; j++)
            {
                WeightedValues(scores + ((long)j * c.ContextLength), _values + kvOffset, c.KvDim, hd, _start + t0 + j + 1, output + ((long)j * c.Dim));
            }
        }
    }

    /// <summary>The library path, for heads whose width is not a multiple of 16 or machines without 512-bit vectors.</summary>
    private void PortableHead(int t, int h, int kvOffset, float* scores)
    {
        var c = _config;
        var hd = c.HeadDim;
        var length = _start + t + 1;
        var q = _q + ((long)t * c.Dim) + (h * hd);
        var output = _out + ((long)t * c.Dim) + (h * hd);
        for (var s = 0; s < length; s++)
        {
            scores[s] = TensorPrimitives.Dot(new ReadOnlySpan<float>(q, hd), new ReadOnlySpan<float>(_keys + ((long)s * c.KvDim) + kvOffset, hd)) * _scale;
        }

        var all = new Span<float>(scores, length);
        TensorPrimitives.SoftMax(all, all);
        var o = new Span<float>(output, hd);
        o.Clear();
        for (var s = 0; s < length; s++)
        {
            TensorPrimitives.MultiplyAdd(new ReadOnlySpan<float>(_values + ((long)s * c.KvDim) + kvOffset, hd), scores[s], o, o);
        }
    }

    /// <summary>
    /// scores[s] = q·k_s/√hd for s &lt; length (k_s at <paramref name="keys"/> + s·stride): inline 512-bit
    /// products, since a library call per 64-value dot cost more than the dot itself (prefill of 256
    /// tokens makes ~800,000 of them per layer on the 110m shape).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void HeadScores(float* q, float* keys, int stride, int hd, int length, float* scores)
    {
        // Four keys at a time share one reduction of their four accumulators (LaneSums.Sum4 gives each
        // the bits LaneSums.Sum would, so the grouping does not depend on the batch).
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

            (LaneSums.Sum4(a0, a1, a2, a3) * _scale).Store(scores + s);
        }

        for (; s < length; s++)
        {
            var k = keys + ((long)s * stride);
            var acc = Vector512.Load(q) * Vector512.Load(k);
            for (var i = 16; i < hd; i += 16)
            {
                acc = Vector512.FusedMultiplyAdd(Vector512.Load(q + i), Vector512.Load(k + i), acc);
            }

            scores[s] = LaneSums.Sum(acc) * _scale;
        }
    }

    /// <summary>
    /// output = Σ_s weights[s]·v_s for one query. A running sum over s is a chain of dependent fused
    /// multiply-adds, so the head's 16-value slices advance together, up to four at a time (see
    /// <see cref="Group{TSlices}"/>).
    /// </summary>
    private static void WeightedValues(float* weights, float* values, int stride, int hd, int length, float* output)
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
    private static void BlockWeightedValues(float* weights, int rowStride, float* values, int stride, int hd, int length0, float* output, int outStride)
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
