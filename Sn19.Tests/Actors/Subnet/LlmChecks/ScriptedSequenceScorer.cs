namespace Sn19.Tests.Actors.Subnet.LlmChecks;

using Sn19.Actors.Subnet.LlmChecks;
using Sn19.Actors.Wire.OpenAi;

/// <summary>
/// Test double for the checker's model: every position has the same scripted distribution over a
/// small vocabulary (token i has log-probability <c>logprobs[i]</c>); token i decodes to "t{i}".
/// The engine-backed scorer is tested against the real CPU engine elsewhere.
/// </summary>
internal sealed class ScriptedSequenceScorer(double[] logprobs, int eos = 9) : ISequenceScorer
{
    public string ModelId => "scripted";

    public int EosTokenId => eos;

    public IReadOnlyList<int> TokenizePrompt(TextRequest request) => [0, 1, 2];

    public IReadOnlyList<int> TokenizeContinuation(TextRequest request, string responseText) =>
        responseText.Split('t', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToArray();

    public string DecodeContinuation(IReadOnlyList<int> responseTokens) => string.Concat(responseTokens.Select(t => $"t{t}"));

    public Task<IReadOnlyList<PositionScore>> ScoreAsync(
        IReadOnlyList<int> tokens, int firstScoredPosition, double temperature, int topN, CancellationToken cancellationToken)
    {
        var order = Enumerable.Range(0, logprobs.Length).OrderByDescending(i => logprobs[i]).ToArray();
        var top = order.Take(topN).Select(i => new TokenLogprob(i, logprobs[i])).ToArray();
        IReadOnlyList<PositionScore> scores = tokens.Skip(firstScoredPosition)
            .Select(t => new PositionScore(t, logprobs[t], Array.IndexOf(order, t) + 1, logprobs[eos], top))
            .ToArray();
        return Task.FromResult(scores);
    }
}
