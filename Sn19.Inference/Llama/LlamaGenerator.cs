namespace Sn19.Inference.Llama;

using Sn19.Inference.Sampling;

/// <summary>
/// Token-level generation on one sequence: the prompt goes in as batched prefill (chunks of
/// <see cref="LlamaModel.MaxBatch"/>), then one decode step per accepted token. The logits row and the
/// sampler's buffers are rented here, once, and returned on disposal, so a step allocates nothing.
/// </summary>
internal sealed class LlamaGenerator : IDisposable
{
    private readonly LlamaModel _model;
    private readonly LlamaSequence _sequence;
    private readonly float[] _logits;
    private readonly int[] _one = new int[1];
    private bool _disposed;

    public LlamaGenerator(LlamaModel model, SamplingParameters parameters)
    {
        _model = model;
        _sequence = model.CreateSequence();
        _logits = System.Buffers.ArrayPool<float>.Shared.Rent(model.Config.VocabSize);
        Sampler = new Sampler(TokenDistributionPool.Rent(model.Config.VocabSize), parameters);
    }

    public Sampler Sampler { get; }

    public int Position => _sequence.Position;

    /// <summary>Feeds the prompt; afterwards <see cref="Next"/> samples the first generated token.</summary>
    public void Prefill(ReadOnlySpan<int> prompt)
    {
        _sequence.Rewind(0);
        while (!PrefillChunk(prompt))
        {
        }
    }

    /// <summary>
    /// Feeds the next chunk (at most <see cref="LlamaModel.MaxBatch"/> tokens) of <paramref name="prompt"/>
    /// after what is already in the sequence; true once all of it is in and <see cref="Next"/> may sample.
    /// A batching loop calls this once per step, so the streams beside a long prompt wait one chunk a turn, not the whole prompt.
    /// </summary>
    public bool PrefillChunk(ReadOnlySpan<int> prompt)
    {
        if (prompt.IsEmpty)
        {
            throw new ArgumentException("The prompt must hold at least one token.", nameof(prompt));
        }

        var start = _sequence.Position;
        var chunk = prompt.Slice(start, Math.Min(_model.MaxBatch, prompt.Length - start));
        var last = start + chunk.Length == prompt.Length;
        _model.Forward(_sequence, chunk, last ? chunk.Length - 1 : chunk.Length, _logits);
        return last;
    }

    /// <summary>The sequence, for a step that decodes it together with others (<see cref="LlamaModel.ForwardStep"/>).</summary>
    public LlamaSequence Sequence => _sequence;

    /// <summary>Takes the logits such a step computed for this sequence's last token, in place of <see cref="Accept"/>.</summary>
    public void AcceptLogits(ReadOnlySpan<float> row) => row[.._model.Config.VocabSize].CopyTo(_logits);

    /// <summary>Samples from the current logits (the distribution stays in <see cref="Sampler"/>).</summary>
    public TokenLogProb Next() => Sampler.Next(_logits.AsSpan(0, _model.Config.VocabSize));

    /// <summary>True while another token fits in the context.</summary>
    public bool HasRoom => _sequence.Position < _model.Config.ContextLength;

    /// <summary>Appends <paramref name="token"/> and computes the logits after it.</summary>
    public void Accept(int token)
    {
        _one[0] = token;
        _model.Forward(_sequence, _one, 0, _logits);
    }

    public void Dispose()
    {
        // Once only: a distribution returned twice would be handed to two generators at once.
        if (!_disposed)
        {
            _disposed = true;
            _sequence.Dispose();
            TokenDistributionPool.Return(Sampler.Distribution);
            System.Buffers.ArrayPool<float>.Shared.Return(_logits);
        }
    }
}
