namespace Sn19.Inference.Llama;

using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using Sn19.Inference.Kernels;

/// <summary>
/// Causal grouped-query attention for a batch of T tokens at positions p0..p0+T−1, parallel over
/// (token, head) pairs. Query head h reads key/value head h / (heads / kvHeads). Each pair is
/// computed by the same code whichever worker claims it.
/// </summary>
internal sealed unsafe class AttentionWork : IParallelWork
{
    private const long InlineBelow = 1L << 18;
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
            _scores[i] = arena.Allocate<float>(config.ContextLength);
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

        // A short decode attention (12 heads over a few hundred positions is ~0.1 ms) runs on the calling
        // thread: a dispatch is a barrier, and on a busy machine every barrier can cost a scheduler slice.
        if ((long)tokens * (start + tokens) * _config.Dim < InlineBelow)
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
        var items = _tokens * c.Heads;
        while (true)
        {
            var item = Interlocked.Increment(ref _cursor) - 1;
            if (item >= items)
            {
                return;
            }

            var t = item / c.Heads;
            var h = item % c.Heads;
            var length = _start + t + 1;
            var kvOffset = h / group * hd;
            var q = new ReadOnlySpan<float>(_q + ((long)t * c.Dim) + (h * hd), hd);
            for (var s = 0; s < length; s++)
            {
                scores[s] = TensorPrimitives.Dot(q, new ReadOnlySpan<float>(_keys + ((long)s * c.KvDim) + kvOffset, hd)) * _scale;
            }

            var weights = new Span<float>(scores, length);
            TensorPrimitives.SoftMax(weights, weights);
            var output = new Span<float>(_out + ((long)t * c.Dim) + (h * hd), hd);
            output.Clear();
            for (var s = 0; s < length; s++)
            {
                TensorPrimitives.MultiplyAdd(new ReadOnlySpan<float>(_values + ((long)s * c.KvDim) + kvOffset, hd), weights[s], output, output);
            }
        }
    }
}
