namespace Sn19.Actors.Subnet.LlmChecks;

using Sn19.Actors.Wire.OpenAi;

/// <summary>
/// The model side of an LLM check: the checker's copy of the task's model. One implementation wraps the
/// embedded CPU engine; another could wrap a vLLM server.
/// </summary>
public interface ISequenceScorer
{
    /// <summary>The model this scorer runs; the checker pool shards by it.</summary>
    string ModelId { get; }

    int EosTokenId { get; }

    /// <summary>The prompt's tokens exactly as a miner's engine builds them (chat template with the
    /// generation prompt, or the completion prompt), special tokens included.</summary>
    IReadOnlyList<int> TokenizePrompt(TextRequest request);

    /// <summary>Canonical tokens of response text following the prompt, for miners that report no ids.</summary>
    IReadOnlyList<int> TokenizeContinuation(TextRequest request, string responseText);

    /// <summary>The text a streaming decoder emits for these response tokens, concatenated.</summary>
    string DecodeContinuation(IReadOnlyList<int> responseTokens);

    /// <summary>
    /// One batched prefill over <paramref name="tokens"/>: a score for every position from
    /// <paramref name="firstScoredPosition"/> to the end (each predicting the token at that position).
    /// </summary>
    Task<IReadOnlyList<PositionScore>> ScoreAsync(
        IReadOnlyList<int> tokens, int firstScoredPosition, double temperature, int topN, CancellationToken cancellationToken);
}
