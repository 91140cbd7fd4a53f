namespace Sn19.Actors.Subnet.LlmChecks;

using Sn19.Actors.Wire.OpenAi;
using Sn19.Inference.Generation;
using Sn19.Inference.Sampling;
using Sn19.Inference.Scoring;

/// <summary>
/// The checker's model on the embedded CPU engine: prompts are encoded exactly as the engine encodes them
/// for generation, response text is decoded exactly as generation streams it, and scoring is the engine's
/// one batched prefill.
/// </summary>
public sealed class EngineSequenceScorer : ISequenceScorer
{
    private readonly LocalInferenceBackend _backend;

    public EngineSequenceScorer(LocalInferenceBackend backend, string modelId)
    {
        ArgumentNullException.ThrowIfNull(backend);
        _backend = backend;
        ModelId = modelId;
    }

    public string ModelId { get; }

    public int EosTokenId => _backend.Engine.Tokenizer.EosId;

    public IReadOnlyList<int> TokenizePrompt(TextRequest request) => _backend.EncodePrompt(ToGeneration(request));

    public IReadOnlyList<int> TokenizeContinuation(TextRequest request, string responseText) =>
        _backend.Engine.Tokenizer.Encode(responseText, addSpecial: false);

    public string DecodeContinuation(IReadOnlyList<int> responseTokens)
    {
        ArgumentNullException.ThrowIfNull(responseTokens);
        var tokenizer = _backend.Engine.Tokenizer;
        var decoder = tokenizer.CreateStreamDecoder();
        var text = new System.Text.StringBuilder();
        foreach (var id in responseTokens)
        {
            // End-of-generation tokens stream no text, as in generation.
            if (!tokenizer.EndOfGenerationIds.Contains(id))
            {
                text.Append(decoder.Append(id));
            }
        }

        return text.ToString();
    }

    public async Task<IReadOnlyList<PositionScore>> ScoreAsync(
        IReadOnlyList<int> tokens, int firstScoredPosition, double temperature, int topN, CancellationToken cancellationToken)
    {
        var request = new ScoringRequest(tokens, firstScoredPosition, new SamplingParameters((float)temperature), topN);
        var result = await _backend.ScoreAsync(request, cancellationToken);
        return result.Positions
            .Select(p => new PositionScore(
                p.TokenId, p.LogProb, p.Rank, float.IsNaN(p.EosLogProb) ? double.NegativeInfinity : p.EosLogProb,
                p.Top.Select(t => new TokenLogprob(t.TokenId, t.LogProb)).ToArray()))
            .ToArray();
    }

    /// <summary>The engine's request for a wire request (sampling parameters matter only to generation).</summary>
    public static GenerationRequest ToGeneration(TextRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new GenerationRequest
        {
            Prompt = request.Prompt,
            Messages = request.Messages?.Select(m => new Sn19.Inference.Tokenizers.ChatMessage(m.Role, m.Content)).ToArray(),
            MaxTokens = request.MaxTokens,
            Sampling = new SamplingParameters((float)request.Temperature, request.TopK, (float)request.TopP, unchecked((ulong)request.Seed)),
            TopLogProbs = Math.Clamp(request.TopLogprobs, 0, 20),
        };
    }
}
