namespace Sn19.Inference.Generation;

using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Sn19.Inference.Scoring;

/// <summary>
/// <see cref="IInferenceBackend"/> on the embedded engine. Generations run in the <see cref="BatchingLoop"/>:
/// up to <see cref="LocalEngineOptions.MaxConcurrentSequences"/> at once decode together, one shared step
/// per token, and each hands its steps to its caller through its own channel; further requests wait for a
/// slot. Scoring takes a slot too and runs its batched prefill between the loop's steps.
/// </summary>
public sealed class LocalInferenceBackend : IInferenceBackend
{
    private readonly LlamaEngine _engine;
    private readonly SemaphoreSlim _slots;
    private readonly TokenTexts _texts;
    private readonly BatchingLoop _loop;

    public LocalInferenceBackend(LlamaEngine engine, LocalEngineOptions options)
    {
        _engine = engine;
        _slots = new SemaphoreSlim(options.MaxConcurrentSequences);
        _loop = new BatchingLoop(engine.Model, options.MaxConcurrentSequences);
        _texts = new TokenTexts(engine.Tokenizer);
    }

    public string ModelName => _engine.Name;

    public int? ContextLength => _engine.ContextLength;

    public LlamaEngine Engine => _engine;

    /// <summary>The prompt's token ids as generation feeds them to the model.</summary>
    public int[] EncodePrompt(GenerationRequest request)
    {
        request.Validate();
        var tokenizer = _engine.Tokenizer;
        if (request.Messages is null)
        {
            return tokenizer.Encode(request.Prompt!, addSpecial: true);
        }

        string text;
        try
        {
            text = _engine.ChatTemplate.Render(request.Messages, addGenerationPrompt: true);
        }
        catch (ArgumentException refused)
        {
            throw new PromptRejectedException($"the chat template refuses these messages: {refused.Message}", "invalid_prompt", refused);
        }

        return tokenizer.Encode(text, addSpecial: false, parseSpecial: true);
    }

    public async IAsyncEnumerable<TokenStep> GenerateAsync(
        GenerationRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var prompt = EncodePrompt(request);
        if (prompt.Length == 0 || prompt.Length >= _engine.ContextLength)
        {
            throw new PromptRejectedException(
                $"the prompt has {prompt.Length} tokens; the model's context holds {_engine.ContextLength} (prompt and at least one generated token)",
                prompt.Length == 0 ? "invalid_prompt" : "context_length_exceeded");
        }

        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        // Unbounded: the loop serves every stream in one thread and must never wait on one slow reader; a
        // stream holds at most its max tokens.
        var channel = Channel.CreateUnbounded<TokenStep>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var sequence = new StreamingSequence(_engine, _texts, prompt, request, channel.Writer, stop.Token, () => _slots.Release());
        _loop.Submit(sequence);
        try
        {
            await foreach (var step in channel.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
            {
                // The loop may have run ahead of a slow reader: once the caller cancels, what it buffered is
                // dropped and the stream ends as cancelled, as it would have had the loop seen it first.
                if (cancellationToken.IsCancellationRequested && step.FinishReason != FinishReason.Cancelled)
                {
                    yield return new TokenStep(-1, string.Empty, 0f, [], FinishReason.Cancelled);
                    yield break;
                }

                yield return step;
            }
        }
        finally
        {
            // A consumer that left early stops the sequence at the loop's next turn; wait until its cache and
            // slot are given back.
            await stop.CancelAsync().ConfigureAwait(false);
            await sequence.Released.ConfigureAwait(false);
        }
    }

    public async Task<ScoringResult> ScoreAsync(ScoringRequest request, CancellationToken cancellationToken)
    {
        request.Validate();
        var tokens = request.TokenIds.ToArray();
        if (tokens.Length > _engine.ContextLength)
        {
            throw new ArgumentException($"The sequence has {tokens.Length} tokens; the context holds {_engine.ContextLength}.");
        }

        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var positions = await Task.Run(
                () => SequenceScorer.Score(_engine.Model, tokens, request.FirstScoredPosition, request.Sampling, request.TopLogProbs, _engine.Tokenizer.EosId),
                cancellationToken).ConfigureAwait(false);
            return new ScoringResult(positions);
        }
        finally
        {
            _slots.Release();
        }
    }
}
