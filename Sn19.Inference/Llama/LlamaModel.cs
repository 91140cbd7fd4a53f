namespace Sn19.Inference.Llama;

using System.Numerics.Tensors;
using Sn19.Inference.Kernels;

/// <summary>
/// The Llama forward pass over a batch of up to <see cref="MaxBatch"/> tokens. One batch of T tokens
/// runs every projection as a T × dim by dim × n matrix product (T = 1 is decode), so a prompt or a
/// scored sequence is one prefill, not a loop of single steps. Scratch buffers are allocated here once;
/// <see cref="Forward"/> allocates nothing. Calls are serialised (one sequence steps at a time).
/// </summary>
internal sealed unsafe class LlamaModel : IDisposable
{
    private readonly object _gate = new();
    private readonly NativeArena _arena = new();
    private readonly WorkerPool _pool;
    private readonly LinearWork _linear;
    private readonly AttentionWork _attention;
    private readonly RowsWork _rows;
    private readonly KvCachePool _caches;
    private readonly RmsNormRows _norm;
    private readonly SwiGlu _swiGlu;
    private readonly RopeTable _rope;
    private readonly float* _x;      // (batch, dim) residual stream
    private readonly float* _xb;     // (batch, dim) normalised input of a block
    private readonly float* _xb2;    // (batch, dim) block output before the residual add
    private readonly float* _q;      // (batch, dim) queries
    private readonly float* _att;    // (batch, dim) attention output
    private readonly float* _hb;     // (batch, hidden) gate, then SwiGLU
    private readonly float* _hb2;    // (batch, hidden) up
    private readonly Q8Activations _xq; // (batch, max(dim, hidden)) the next Q8_0 product's input, quantised
    private readonly float* _stepKeys;   // (batch, kvDim) a multi-sequence step's new keys, before each goes to its cache
    private readonly float* _stepValues; // (batch, kvDim) its new values

    public LlamaModel(LlamaWeights weights, int threads, int maxBatch)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatch, 1);
        Weights = weights;
        Config = weights.Config;
        MaxBatch = maxBatch;
        var c = Config;
        var widest = Math.Max(c.Dim, c.HiddenDim);
        _pool = new WorkerPool(threads);
        _linear = new LinearWork(_pool, _arena, widest);
        _attention = new AttentionWork(c, _pool, _arena);
        _rows = new RowsWork(_pool);
        _caches = new KvCachePool(c);
        _norm = new RmsNormRows(c.Dim, c.RmsEpsilon);
        _swiGlu = new SwiGlu(c.HiddenDim);
        _rope = new RopeTable(c, weights.RopeFrequencyFactors, _arena);
        _x = _arena.Allocate<float>((long)maxBatch * c.Dim);
        _xb = _arena.Allocate<float>((long)maxBatch * c.Dim);
        _xb2 = _arena.Allocate<float>((long)maxBatch * c.Dim);
        _q = _arena.Allocate<float>((long)maxBatch * c.Dim);
        _att = _arena.Allocate<float>((long)maxBatch * c.Dim);
        _hb = _arena.Allocate<float>((long)maxBatch * c.HiddenDim);
        _hb2 = _arena.Allocate<float>((long)maxBatch * c.HiddenDim);
        _xq = new Q8Activations(_arena, maxBatch, widest);
        _stepKeys = _arena.Allocate<float>((long)maxBatch * c.KvDim);
        _stepValues = _arena.Allocate<float>((long)maxBatch * c.KvDim);
    }

    public LlamaConfig Config { get; }

    public LlamaWeights Weights { get; }

    public int MaxBatch { get; }

    public int Threads => _pool.WorkerCount;

    /// <summary>A sequence at position 0, on a key/value cache from the model's pool (returned when it is disposed).</summary>
    public LlamaSequence CreateSequence() => new(_caches);

    /// <summary>
    /// Runs <paramref name="operation"/> over <paramref name="rows"/> rows on the model's workers (between
    /// forward passes: the same lock serialises both).
    /// </summary>
    public void RunRows(IRowOperation operation, int rows)
    {
        lock (_gate)
        {
            _rows.Run(operation, rows);
        }
    }

    /// <summary>
    /// Appends <paramref name="tokens"/> (at most <see cref="MaxBatch"/>) to <paramref name="sequence"/> and
    /// writes the next-token logits of tokens <paramref name="logitsFrom"/>..T−1 into <paramref name="logits"/>
    /// (row-major, vocab per row). logitsFrom = T − 1 is generation; 0 is scoring; T fills only the cache.
    /// </summary>
    public void Forward(LlamaSequence sequence, ReadOnlySpan<int> tokens, int logitsFrom, Span<float> logits)
    {
        var c = Config;
        var n = tokens.Length;
        if (n == 0 || n > MaxBatch)
        {
            throw new ArgumentException($"A forward batch holds 1 to {MaxBatch} tokens; got {n}.", nameof(tokens));
        }

        if (sequence.Position + n > c.ContextLength)
        {
            throw new ArgumentException($"The sequence would pass the context length {c.ContextLength}.", nameof(tokens));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(logitsFrom);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(logitsFrom, n);
        if (logits.Length < (long)(n - logitsFrom) * c.VocabSize)
        {
            throw new ArgumentException($"The logits buffer needs {(n - logitsFrom) * c.VocabSize} values.", nameof(logits));
        }

        lock (_gate)
        {
            var start = sequence.Position;

            Embed(tokens);

            for (var l = 0; l < c.Layers; l++)
            {
                var layer = Weights.Layers[l];
                var keys = sequence.Keys(l);
                var values = sequence.Values(l);
                var newKeys = keys + ((long)start * c.KvDim);
                var newValues = values + ((long)start * c.KvDim);

                // Attention: xb = rmsnorm(x) · attn_norm; q, k, v = xb·Wqᵀ, xb·Wkᵀ, xb·Wvᵀ (k, v straight into the cache).
                RmsNorm(_xb, _x, layer.AttentionNorm, n);
                Project3(_xb, n, layer.Query, _q, layer.Key, newKeys, layer.Value, newValues);

                // RoPE on the queries and the new keys, each at its own position.
                for (var t = 0; t < n; t++)
                {
                    _rope.Apply(_q + ((long)t * c.Dim), c.Heads, start + t);
                    _rope.Apply(newKeys + ((long)t * c.KvDim), c.KvHeads, start + t);
                }

                // Causal attention over the cache, then x += att·Woᵀ.
                _attention.Run(_q, keys, values, _att, n, start);
                Project(layer.Output, _att, _xb2, n);
                TensorPrimitives.Add(new ReadOnlySpan<float>(_x, n * c.Dim), new ReadOnlySpan<float>(_xb2, n * c.Dim), new Span<float>(_x, n * c.Dim));

                FeedForward(layer, n);
            }

            sequence.Position = start + n;
            var rows = n - logitsFrom;
            if (rows == 0)
            {
                return;
            }

            Classify(logitsFrom, rows, logits);
        }
    }

    /// <summary>
    /// One decode step for several sequences at once: token b is appended to <paramref name="sequences"/>[b]
    /// at that sequence's own position, and its next-token logits go to row b of <paramref name="logits"/>.
    /// The weights are read once for the whole batch, so while decode is bound by memory a step of B
    /// sequences costs little more than one. Every row gets the bits <see cref="Forward"/> would give it
    /// alone: products, norms and the classifier compute each row by the same operations whatever the
    /// batch, and attention runs per sequence.
    /// </summary>
    public void ForwardStep(ReadOnlySpan<LlamaSequence> sequences, ReadOnlySpan<int> tokens, Span<float> logits)
    {
        var c = Config;
        var n = tokens.Length;
        if (n == 0 || n > MaxBatch || sequences.Length != n)
        {
            throw new ArgumentException($"A step takes 1 to {MaxBatch} tokens, one per sequence; got {n} tokens for {sequences.Length} sequences.", nameof(tokens));
        }

        if (logits.Length < (long)n * c.VocabSize)
        {
            throw new ArgumentException($"The logits buffer needs {n * c.VocabSize} values.", nameof(logits));
        }

        foreach (var sequence in sequences)
        {
            if (sequence.Position + 1 > c.ContextLength)
            {
                throw new ArgumentException($"A sequence would pass the context length {c.ContextLength}.", nameof(sequences));
            }
        }

        lock (_gate)
        {
            Embed(tokens);
            for (var l = 0; l < c.Layers; l++)
            {
                var layer = Weights.Layers[l];
                RmsNorm(_xb, _x, layer.AttentionNorm, n);
                Project3(_xb, n, layer.Query, _q, layer.Key, _stepKeys, layer.Value, _stepValues);
                for (var b = 0; b < n; b++)
                {
                    // Each row at its own position, into its own cache, attending over its own history.
                    var sequence = sequences[b];
                    var position = sequence.Position;
                    var key = _stepKeys + ((long)b * c.KvDim);
                    var query = _q + ((long)b * c.Dim);
                    _rope.Apply(query, c.Heads, position);
                    _rope.Apply(key, c.KvHeads, position);
                    var keys = sequence.Keys(l);
                    var values = sequence.Values(l);
                    new ReadOnlySpan<float>(key, c.KvDim).CopyTo(new Span<float>(keys + ((long)position * c.KvDim), c.KvDim));
                    new ReadOnlySpan<float>(_stepValues + ((long)b * c.KvDim), c.KvDim).CopyTo(new Span<float>(values + ((long)position * c.KvDim), c.KvDim));
                    _attention.Run(query, keys, values, _att + ((long)b * c.Dim), 1, position);
                }

                Project(layer.Output, _att, _xb2, n);
                TensorPrimitives.Add(new ReadOnlySpan<float>(_x, n * c.Dim), new ReadOnlySpan<float>(_xb2, n * c.Dim), new Span<float>(_x, n * c.Dim));
                FeedForward(layer, n);
            }

            foreach (var sequence in sequences)
            {
                sequence.Position++;
            }

            Classify(0, n, logits);
        }
    }

    public void Dispose()
    {
        _caches.Dispose();
        _pool.Dispose();
        _arena.Dispose();
    }

    /// <summary>The token embeddings: x[t] = token_embd[token t].</summary>
    private void Embed(ReadOnlySpan<int> tokens)
    {
        var c = Config;
        for (var t = 0; t < tokens.Length; t++)
        {
            var token = tokens[t];
            if ((uint)token >= (uint)c.VocabSize)
            {
                throw new ArgumentOutOfRangeException(nameof(tokens), $"Token id {token} is outside the vocabulary of {c.VocabSize}.");
            }

            Weights.TokenEmbedding.DequantizeRow(token, new Span<float>(_x + ((long)t * c.Dim), c.Dim));
        }
    }

    /// <summary>Feed-forward, as in PyTorch: w2(silu(w1(x)) * w3(x)) on xb = rmsnorm(x) · ffn_norm, then x += it.</summary>
    private void FeedForward(LlamaLayer layer, int n)
    {
        var dim = Config.Dim;
        RmsNorm(_xb, _x, layer.FeedForwardNorm, n);
        Project3(_xb, n, layer.Gate, _hb, layer.Up, _hb2, null, null);
        _swiGlu.Set(_hb, _hb2);
        _rows.Run(_swiGlu, n);
        Project(layer.Down, _hb, _xb2, n);
        TensorPrimitives.Add(new ReadOnlySpan<float>(_x, n * dim), new ReadOnlySpan<float>(_xb2, n * dim), new Span<float>(_x, n * dim));
    }

    /// <summary>Final norm and the classifier, only on the rows that need logits.</summary>
    private void Classify(int fromRow, int rows, Span<float> logits)
    {
        RmsNorm(_xb, _x + ((long)fromRow * Config.Dim), Weights.OutputNorm, rows);
        fixed (float* output = logits)
        {
            Project(Weights.Output, _xb, output, rows);
        }
    }

    private void RmsNorm(float* output, float* input, float* weight, int tokens)
    {
        _norm.Set(output, input, weight);
        _rows.Run(_norm, tokens);
    }

    /// <summary>Quantises the input rows into the Q8 scratch when <paramref name="w"/> is Q8_0.</summary>
    private void Quantise(WeightMatrix w, float* input, int tokens)
    {
        if (w.Type != WeightType.Q8_0)
        {
            return;
        }

        _xq.Quantize(input, tokens, w.Cols, _rows);
    }

    /// <summary>Two or three products of one input in one dispatch; mixed weight types go one by one.</summary>
    private void Project3(float* input, int tokens, WeightMatrix w0, float* y0, WeightMatrix w1, float* y1, WeightMatrix? w2, float* y2)
    {
        if (w0.Type != w1.Type || (w2 is not null && w2.Type != w0.Type))
        {
            Project(w0, input, y0, tokens);
            Project(w1, input, y1, tokens);
            if (w2 is not null)
            {
                Project(w2, input, y2, tokens);
            }

            return;
        }

        Quantise(w0, input, tokens);
        _linear.Run(input, _xq, tokens, w0, y0, w1, y1, w2, y2);
    }

    private void Project(WeightMatrix w, float* input, float* output, int tokens)
    {
        Quantise(w, input, tokens);
        _linear.Run(w, input, _xq, output, tokens);
    }
}
