namespace Sn19.Inference.Generation;

using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Sn19.Inference.Llama;
using Sn19.Inference.Sampling;
using Sn19.Inference.Scoring;

/// <summary>
/// <see cref="IInferenceBackend"/> on the embedded engine. Each generation runs on its own long-running
/// thread (the forward pass is CPU-bound and blocks) and hands steps to the caller through a small
/// channel; sequences interleave token by token on the shared model, up to
/// <see cref="LocalEngineOptions.MaxConcurrentSequences"/> at once.
/// </summary>
public sealed class LocalInferenceBackend : IInferenceBackend
{
    private readonly LlamaEngine _engine;
    private readonly SemaphoreSlim _slots;
    private readonly TokenTexts _texts;

    public LocalInferenceBackend(LlamaEngine engine, LocalEngineOptions options)
    {
        _engine = engine;
        _slots = new SemaphoreSlim(options.MaxConcurrentSequences);
        _texts = new TokenTexts(engine.Tokenizer);
    }

    public string ModelName => _engine.Name;

    public LlamaEngine Engine => _engine;

    /// <summary>The prompt's token ids as generation feeds them to the model.</summary>
    public int[] EncodePrompt(GenerationRequest request)
    {
        request.Validate();
        var tokenizer = _engine.Tokenizer;
        return request.Messages is not null
            ? tokenizer.Encode(_engine.ChatTemplate.Render(request.Messages, addGenerationPrompt: true), addSpecial: false, parseSpecial: true)
            : tokenizer.Encode(request.Prompt!, addSpecial: true);
    }

    public async IAsyncEnumerable<TokenStep> GenerateAsync(
        GenerationRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var prompt = EncodePrompt(request);
        if (prompt.Length == 0 || prompt.Length >= _engine.ContextLength)
        {
            throw new ArgumentException($"The prompt has {prompt.Length} tokens; the context holds {_engine.ContextLength}.");
        }

        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var channel = Channel.CreateBounded<TokenStep>(new BoundedChannelOptions(64) { SingleReader = true, SingleWriter = true });
        var producer = Task.Factory.StartNew(
            () => Produce(prompt, request, channel.Writer, stop.Token),
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
        try
        {
            await foreach (var step in channel.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
            {
                yield return step;
            }
        }
        finally
        {
            // A consumer that left early reads nothing more: completing the channel unblocks the producer.
            await stop.CancelAsync().ConfigureAwait(false);
            channel.Writer.TryComplete();
            await producer.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            _slots.Release();
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

    private void Produce(int[] prompt, GenerationRequest request, ChannelWriter<TokenStep> writer, CancellationToken cancellationToken)
    {
        try
        {
            using var generator = new LlamaGenerator(_engine.Model, request.Sampling);
            var stops = new StopMatcher(request.Stop);
            var decoder = _engine.Tokenizer.CreateStreamDecoder();
            var top = new TokenLogProb[request.TopLogProbs];
            var endIds = _engine.Tokenizer.EndOfGenerationIds;
            generator.Prefill(prompt);
            for (var produced = 1; ; produced++)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    Write(writer, new TokenStep(-1, string.Empty, 0f, [], FinishReason.Cancelled), CancellationToken.None);
                    return;
                }

                var next = generator.Next();
                var count = generator.Sampler.Distribution.Top(top);
                var alternatives = new TokenAlternative[count];
                for (var i = 0; i < count; i++)
                {
                    alternatives[i] = new TokenAlternative(top[i].TokenId, _texts.Get(top[i].TokenId), top[i].LogProb);
                }

                FinishReason? finish = null;
                var text = string.Empty;
                if (!request.IgnoreEos && endIds.Contains(next.TokenId))
                {
                    finish = FinishReason.Eos;
                }
                else if (request.StopTokenIds.Contains(next.TokenId))
                {
                    finish = FinishReason.Stop;
                }
                else
                {
                    text = decoder.Append(next.TokenId);
                    if (stops.Feed(ref text))
                    {
                        finish = FinishReason.Stop;
                    }
                }

                if (finish is null && (produced >= request.MaxTokens || generator.Position + 1 >= _engine.ContextLength))
                {
                    finish = FinishReason.Length;
                }

                Write(writer, new TokenStep(next.TokenId, text, next.LogProb, alternatives, finish, finish is null ? null : prompt.Length), cancellationToken);
                if (finish is not null)
                {
                    return;
                }

                generator.Accept(next.TokenId);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Write(writer, new TokenStep(-1, string.Empty, 0f, [], FinishReason.Cancelled), CancellationToken.None);
        }
        catch (Exception e)
        {
            writer.TryComplete(e);
        }
        finally
        {
            writer.TryComplete();
        }
    }

    private static void Write(ChannelWriter<TokenStep> writer, TokenStep step, CancellationToken cancellationToken)
    {
        while (!writer.TryWrite(step))
        {
            if (!writer.WaitToWriteAsync(cancellationToken).AsTask().GetAwaiter().GetResult())
            {
                return;
            }
        }
    }
}
