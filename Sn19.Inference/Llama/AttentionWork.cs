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
            if (count == QueryBlock && hd % 64 == 0)
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
    /// output = Σ_s weights[s]·v_s. A running sum over s is a chain of dependent fused multiply-adds, so
    /// four 16-value slices of the head advance together (four chains in flight instead of one).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void WeightedValues(float* weights, float* values, int stride, int hd, int length, float* output)
    {
        var i = 0;
        for (; i + 64 <= hd; i += 64)
        {
            var a0 = Vector512<float>.Zero; var a1 = Vector512<float>.Zero;
            var a2 = Vector512<float>.Zero; var a3 = Vector512<float>.Zero;
            var v = values + i;
            for (var s = 0; s < length; s++, v += stride)
            {
                var w = Vector512.Create(weights[s]);
                a0 = Vector512.FusedMultiplyAdd(w, Vector512.Load(v), a0);
                a1 = Vector512.FusedMultiplyAdd(w, Vector512.Load(v + 16), a1);
                a2 = Vector512.FusedMultiplyAdd(w, Vector512.Load(v + 32), a2);
                a3 = Vector512.FusedMultiplyAdd(w, Vector512.Load(v + 48), a3);
            }

            a0.Store(output + i); a1.Store(output + i + 16); a2.Store(output + i + 32); a3.Store(output + i + 48);
        }

        if (hd - i == 48)
        {
            // 48-wide heads (the 15m shape): three chains.
            var a0 = Vector512<float>.Zero; var a1 = Vector512<float>.Zero; var a2 = Vector512<float>.Zero;
            var v = values + i;
            for (var s = 0; s < length; s++, v += stride)
            {
                var w = Vector512.Create(weights[s]);
                a0 = Vector512.FusedMultiplyAdd(w, Vector512.Load(v), a0);
                a1 = Vector512.FusedMultiplyAdd(w, Vector512.Load(v + 16), a1);
                a2 = Vector512.FusedMultiplyAdd(w, Vector512.Load(v + 32), a2);
            }

            a0.Store(output + i); a1.Store(output + i + 16); a2.Store(output + i + 32);
            return;
        }

        for (; i < hd; i += 16)
        {
            var acc = Vector512<float>.Zero;
            var v = values + i;
            for (var s = 0; s < length; s++, v += stride)
            {
                acc = Vector512.FusedMultiplyAdd(Vector512.Create(weights[s]), Vector512.Load(v), acc);
            }

            acc.Store(output + i);
        }
    }

    /// <summary>
    /// Four consecutive queries' weighted values at once (query j's weights at <paramref name="weights"/> +
    /// j·<paramref name="rowStride"/>, over length0 + j positions; outputs <paramref name="outStride"/> apart).
    /// Each value slice is loaded once for the four, and 16 sums are in flight instead of 4, so the adds no
    /// longer wait on each other. Every query's sum runs over the same positions in the same order as
    /// <see cref="WeightedValues"/>, so a query gets the same bits here as in decode.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void BlockWeightedValues(float* weights, int rowStride, float* values, int stride, int hd, int length0, float* output, int outStride)
    {
        float* w0 = weights, w1 = weights + rowStride, w2 = weights + (2 * rowStride), w3 = weights + (3 * rowStride);
        for (var i = 0; i < hd; i += 64)
        {
            var a00 = Vector512<float>.Zero; var a01 = Vector512<float>.Zero; var a02 = Vector512<float>.Zero; var a03 = Vector512<float>.Zero;
            var a10 = Vector512<float>.Zero; var a11 = Vector512<float>.Zero; var a12 = Vector512<float>.Zero; var a13 = Vector512<float>.Zero;
            var a20 = Vector512<float>.Zero; var a21 = Vector512<float>.Zero; var a22 = Vector512<float>.Zero; var a23 = Vector512<float>.Zero;
            var a30 = Vector512<float>.Zero; var a31 = Vector512<float>.Zero; var a32 = Vector512<float>.Zero; var a33 = Vector512<float>.Zero;
            var v = values + i;
            for (var s = 0; s < length0; s++, v += stride)
            {
                var v0 = Vector512.Load(v); var v1 = Vector512.Load(v + 16); var v2 = Vector512.Load(v + 32); var v3 = Vector512.Load(v + 48);
                var w = Vector512.Create(w0[s]);
                a00 = Vector512.FusedMultiplyAdd(w, v0, a00); a01 = Vector512.FusedMultiplyAdd(w, v1, a01);
                a02 = Vector512.FusedMultiplyAdd(w, v2, a02); a03 = Vector512.FusedMultiplyAdd(w, v3, a03);
                w = Vector512.Create(w1[s]);
                a10 = Vector512.FusedMultiplyAdd(w, v0, a10); a11 = Vector512.FusedMultiplyAdd(w, v1, a11);
                a12 = Vector512.FusedMultiplyAdd(w, v2, a12); a13 = Vector512.FusedMultiplyAdd(w, v3, a13);
                w = Vector512.Create(w2[s]);
                a20 = Vector512.FusedMultiplyAdd(w, v0, a20); a21 = Vector512.FusedMultiplyAdd(w, v1, a21);
                a22 = Vector512.FusedMultiplyAdd(w, v2, a22); a23 = Vector512.FusedMultiplyAdd(w, v3, a23);
                w = Vector512.Create(w3[s]);
                a30 = Vector512.FusedMultiplyAdd(w, v0, a30); a31 = Vector512.FusedMultiplyAdd(w, v1, a31);
                a32 = Vector512.FusedMultiplyAdd(w, v2, a32); a33 = Vector512.FusedMultiplyAdd(w, v3, a33);
            }

            // The causal tail: position length0 is seen by queries 1–3, length0 + 1 by 2–3, length0 + 2 by 3.
            for (var extra = 0; extra < 3; extra++, v += stride)
            {
                var s = length0 + extra;
                var v0 = Vector512.Load(v); var v1 = Vector512.Load(v + 16); var v2 = Vector512.Load(v + 32); var v3 = Vector512.Load(v + 48);
                var w = Vector512.Create(w3[s]);
                a30 = Vector512.FusedMultiplyAdd(w, v0, a30); a31 = Vector512.FusedMultiplyAdd(w, v1, a31);
                a32 = Vector512.FusedMultiplyAdd(w, v2, a32); a33 = Vector512.FusedMultiplyAdd(w, v3, a33);
                if (extra < 2)
                {
                    w = Vector512.Create(w2[s]);
                    a20 = Vector512.FusedMultiplyAdd(w, v0, a20); a21 = Vector512.FusedMultiplyAdd(w, v1, a21);
                    a22 = Vector512.FusedMultiplyAdd(w, v2, a22); a23 = Vector512.FusedMultiplyAdd(w, v3, a23);
                }

                if (extra < 1)
                {
                    w = Vector512.Create(w1[s]);
                    a10 = Vector512.FusedMultiplyAdd(w, v0, a10); a11 = Vector512.FusedMultiplyAdd(w, v1, a11);
                    a12 = Vector512.FusedMultiplyAdd(w, v2, a12); a13 = Vector512.FusedMultiplyAdd(w, v3, a13);
                }
            }

            var o = output + i;
            a00.Store(o); a01.Store(o + 16); a02.Store(o + 32); a03.Store(o + 48);
            o += outStride;
            a10.Store(o); a11.Store(o + 16); a12.Store(o + 32); a13.Store(o + 48);
            o += outStride;
            a20.Store(o); a21.Store(o + 16); a22.Store(o + 32); a23.Store(o + 48);
            o += outStride;
            a30.Store(o); a31.Store(o + 16); a32.Store(o + 32); a33.Store(o + 48);
        }
    }
}
