namespace Sn19.Inference.Generation;

using System.Threading.Channels;
using Sn19.Inference.Llama;
using Sn19.Inference.Sampling;
using Sn19.Inference.Tokenizers;

/// <summary>
/// One generation request inside the <see cref="BatchingLoop"/>: its generator (sequence, logits, sampler),
/// stop matching and text decoding, and the channel its caller reads steps from. After submission only the
/// loop's thread touches it; the caller waits on <see cref="Released"/> before it lets go.
/// </summary>
internal sealed class StreamingSequence
{
    private readonly LlamaEngine _engine;
    private readonly TokenTexts _texts;
    private readonly int[] _prompt;
    private readonly GenerationRequest _request;
    private readonly ChannelWriter<TokenStep> _writer;
    private readonly CancellationToken _cancellation;
    private readonly Action _onRelease;
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly StopMatcher _stops;
    private readonly TokenLogProb[] _top;
    private LlamaGenerator? _generator;
    private readonly TokenStreamDecoder _decoder;
    private int _produced;

    public StreamingSequence(
        LlamaEngine engine, TokenTexts texts, int[] prompt, GenerationRequest request, ChannelWriter<TokenStep> writer, CancellationToken cancellation, Action onRelease)
    {
        _engine = engine;
        _texts = texts;
        _prompt = prompt;
        _request = request;
        _writer = writer;
        _cancellation = cancellation;
        _onRelease = onRelease;
        _stops = new StopMatcher(request.Stop);
        _top = new TokenLogProb[request.TopLogProbs];
        _decoder = engine.Tokenizer.CreateStreamDecoder();
    }

    /// <summary>Completes once the sequence's cache and its caller's slot are given back.</summary>
    public Task Released => _released.Task;

    /// <summary>Whether the whole prompt is in; from then on the sequence has logits to sample from.</summary>
    public bool Prefilled { get; private set; }

    /// <summary>The token <see cref="Emit"/> last produced, which the next step appends.</summary>
    public int NextToken { get; private set; }

    public LlamaSequence Sequence => _generator!.Sequence;

    /// <summary>Feeds the next chunk of the prompt; false when the request ended instead (cancelled or failed).</summary>
    public bool PrefillStep()
    {
        if (_cancellation.IsCancellationRequested)
        {
            _writer.TryWrite(new TokenStep(-1, string.Empty, 0f, [], FinishReason.Cancelled));
            return false;
        }

        try
        {
            _generator ??= new LlamaGenerator(_engine.Model, _request.Sampling);
            Prefilled = _generator.PrefillChunk(_prompt);
            return true;
        }
        catch (Exception e)
        {
            Fail(e);
            return false;
        }
    }

    /// <summary>Samples the next token and writes its step; false when that step ended the request.</summary>
    public bool Emit()
    {
        if (_cancellation.IsCancellationRequested)
        {
            _writer.TryWrite(new TokenStep(-1, string.Empty, 0f, [], FinishReason.Cancelled));
            return false;
        }

        var generator = _generator!;
        var next = generator.Next();
        _produced++;
        var count = generator.Sampler.Distribution.Top(_top);
        var alternatives = new TokenAlternative[count];
        for (var i = 0; i < count; i++)
        {
            alternatives[i] = new TokenAlternative(_top[i].TokenId, _texts.Get(_top[i].TokenId), _top[i].LogProb);
        }

        FinishReason? finish = null;
        var text = string.Empty;
        if (!_request.IgnoreEos && _engine.Tokenizer.EndOfGenerationIds.Contains(next.TokenId))
        {
            finish = FinishReason.Eos;
        }
        else if (_request.StopTokenIds.Contains(next.TokenId))
        {
            finish = FinishReason.Stop;
        }
        else
        {
            text = _decoder.Append(next.TokenId);
            if (_stops.Feed(ref text))
            {
                finish = FinishReason.Stop;
            }
        }

        if (finish is null && (_produced >= _request.MaxTokens || generator.Position + 1 >= _engine.ContextLength))
        {
            finish = FinishReason.Length;
        }

        _writer.TryWrite(new TokenStep(next.TokenId, text, next.LogProb, alternatives, finish, finish is null ? null : _prompt.Length));
        NextToken = next.TokenId;
        return finish is null;
    }

    /// <summary>Takes the logits the shared step computed after <see cref="NextToken"/>.</summary>
    public void AcceptLogits(ReadOnlySpan<float> row) => _generator!.AcceptLogits(row);

    /// <summary>Ends the request with <paramref name="error"/>: its caller's enumeration throws it.</summary>
    public void Fail(Exception error) => _writer.TryComplete(error);

    /// <summary>Gives back the cache and the caller's slot and completes the channel (once).</summary>
    public void Release()
    {
        _generator?.Dispose();
        _writer.TryComplete();
        if (_released.TrySetResult())
        {
            _onRelease();
        }
    }
}
