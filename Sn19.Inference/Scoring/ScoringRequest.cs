namespace Sn19.Inference.Scoring;

using Sn19.Inference.Sampling;

/// <summary>
/// A token sequence (prompt + response, special tokens included) to score in one batched prefill.
/// </summary>
/// <param name="TokenIds">The whole sequence.</param>
/// <param name="FirstScoredPosition">First position to score (where the response starts); at least 1.</param>
/// <param name="Sampling">Temperature, top-k and top-p the log-probabilities are taken under (the seed is unused).</param>
/// <param name="TopLogProbs">Alternatives per position (vLLM prompt_logprobs; the checker uses 10).</param>
public sealed record ScoringRequest(
    IReadOnlyList<int> TokenIds,
    int FirstScoredPosition,
    SamplingParameters Sampling,
    int TopLogProbs = 10)
{
    public void Validate()
    {
        if (TokenIds.Count < 2)
        {
            throw new ArgumentException("A scored sequence needs at least two tokens.");
        }

        if (FirstScoredPosition < 1 || FirstScoredPosition >= TokenIds.Count)
        {
            throw new ArgumentException($"first scored position must be 1 to {TokenIds.Count - 1}; got {FirstScoredPosition}.");
        }

        if (TopLogProbs is < 0 or > 20)
        {
            throw new ArgumentException($"top logprobs must be 0 to 20; got {TopLogProbs}.");
        }

        Sampling.Validate();
    }
}
