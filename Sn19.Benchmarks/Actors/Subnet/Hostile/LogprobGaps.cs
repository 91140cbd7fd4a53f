namespace Sn19.Benchmarks.Actors.Subnet.Hostile;

using System.Globalization;
using Sn19.Actors.Subnet.LlmChecks;
using Sn19.Actors.Wire.OpenAi;

/// <summary>
/// How far a miner's reported log-probabilities are from the checker's own, token by token, for its greedy answers
/// (temperature 0: raw log-probabilities on both sides, nothing renormalised): |miner − checker| in nats at every
/// response position, which the check itself only samples at five positions and compares as probabilities.
/// </summary>
internal sealed class LogprobGaps
{
    private readonly List<double> _gaps = [];

    public int Count => _gaps.Count;

    public async Task AddAsync(TextRequest request, MinerStream stream, ISequenceScorer scorer, CancellationToken cancellationToken)
    {
        if (request.Temperature != 0 || !stream.IsValid || stream.Tokens.Count == 0 || stream.Tokens.Any(t => t.TokenId is null))
        {
            return;
        }

        var prompt = scorer.TokenizePrompt(request);
        var sequence = prompt.Concat(stream.Tokens.Select(t => t.TokenId!.Value)).ToList();
        var scores = await scorer.ScoreAsync(sequence, prompt.Count, 0, 1, cancellationToken);
        for (var i = 0; i < stream.Tokens.Count; i++)
        {
            _gaps.Add(Math.Abs(stream.Tokens[i].Logprob - scores[i].Logprob));
        }
    }

    /// <summary>"mean / p99 / max over N tokens", in nats.</summary>
    public override string ToString()
    {
        if (_gaps.Count == 0)
        {
            return "–";
        }

        var sorted = _gaps.Order().ToArray();
        var p99 = sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(0.99 * sorted.Length) - 1)];
        return string.Create(CultureInfo.InvariantCulture, $"{sorted.Average():0.####} / {p99:0.####} / {sorted[^1]:0.####} over {sorted.Length}");
    }
}
