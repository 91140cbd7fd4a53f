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

            // The block's scores (four queries at once when the block is whole), each query's softmax
            // over its own causal length, then the weighted values, again four at once when whole.
            var q = _q + ((long)t0 * c.Dim) + (h * hd);
            if (count == QueryBlock)
            {
                AttentionScores.Block4(q, c.Dim, _keys + kvOffset, c.KvDim, hd, _start + t0 + QueryBlock, _scale, scores, c.ContextLength);
            }

            for (var j = 0; j < count; j++)
            {
                var length = _start + t0 + j + 1;
                var row = scores + ((long)j * c.ContextLength);
                if (count != QueryBlock)
                {
                    AttentionScores.One(q + ((long)j * c.Dim), _keys + kvOffset, c.KvDim, hd, length, _scale, row);
                }

                var weights = new Span<float>(row, length);
                TensorPrimitives.SoftMax(weights, weights);
            }

            var output = _out + ((long)t0 * c.Dim) + (h * hd);
            if (count == QueryBlock)
            {
                AttentionValues.Block4(scores, c.ContextLength, _values + kvOffset, c.KvDim, hd, _start + t0 + 1, output, c.Dim);
                continue;
            }

            for (var j = 0; j < count; j++)
            {
                AttentionValues.One(scores + ((long)j * c.ContextLength), _values + kvOffset, c.KvDim, hd, _start + t0 + j + 1, output + ((long)j * c.Dim));
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
}
