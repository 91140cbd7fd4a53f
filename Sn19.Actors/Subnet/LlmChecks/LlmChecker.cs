namespace Sn19.Actors.Subnet.LlmChecks;

using Sn19.Actors.Wire.OpenAi;

/// <summary>
/// Checks that a miner's streamed answer came from the task's model, by scoring the prompt and the
/// response with the same model in one batched prefill (MECHANISM.md "LLM check").
/// </summary>
/// <remarks>
/// Steps:
/// 1. The stream must hold at least one token and no more than max_tokens.
/// 2. The scored sequence is the prompt's tokens plus the miner's own token ids (checked to decode to the
///    text it streamed), or the canonical re-tokenisation of its text for a miner that sends no ids; when
///    the answer stopped before max_tokens, end-of-sequence is appended: the model must have been willing
///    to stop there.
/// 3. Plausibility at every response position: more than 3 tokens outside the top 10 fail; so does a
///    token where end-of-sequence was over 100 times likelier. End-of-sequence itself (the answer stopped
///    before max_tokens) is never among the tolerated ones: it must be a token the miner could have sampled
///    (rank within the request's top_k, and at least the top 10), else the answer stopped where the model would
///    not have, to save tokens (a cheat the reference's tolerance let through).
/// 4. Distance at up to 5 positions (first, last, the bad ranks, random others): |p_checker − p_miner|
///    with the checker's distribution renormalised over the tokens the miner's sampler kept (the request's top_k,
///    5 for synthetics, then its top_p; raw at temperature 0, as vLLM does); a token outside the top-k counts 1.
/// 5. Quality from the mean distance: 1 up to 0.125, linear to 0.5 at 0.25, 0 beyond.
/// Differences from the reference: rank 10 counts as inside the top 10, and the random positions never
/// repeat one already chosen.
/// </remarks>
public sealed class LlmChecker
{
    private readonly LlmCheckOptions _options;

    public LlmChecker(LlmCheckOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
    }

    public async Task<LlmCheckResult> CheckAsync(
        TextRequest request, MinerStream stream, ISequenceScorer scorer, Random random, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(scorer);
        ArgumentNullException.ThrowIfNull(random);
        if (!stream.IsValid)
        {
            return LlmCheckResult.Fail(stream.Error!);
        }

        var tokens = stream.Tokens;
        if (tokens.Count == 0)
        {
            return LlmCheckResult.Fail("the response has no tokens");
        }

        if (tokens.Count > request.MaxTokens)
        {
            return LlmCheckResult.Fail($"the response has {tokens.Count} tokens, more than max_tokens {request.MaxTokens}");
        }

        var responseIds = ResponseIds(request, tokens, scorer, out var idError);
        if (idError is not null)
        {
            return LlmCheckResult.Fail(idError);
        }

        var prompt = scorer.TokenizePrompt(request);
        var sequence = new List<int>(prompt.Count + responseIds.Count + 1);
        sequence.AddRange(prompt);
        sequence.AddRange(responseIds);
        if (tokens.Count != request.MaxTokens && responseIds[^1] != scorer.EosTokenId)
        {
            sequence.Add(scorer.EosTokenId);
        }

        var keptByMiner = KeptByMiner(request);
        var scores = await scorer.ScoreAsync(sequence, prompt.Count, request.Temperature, Math.Max(_options.PlausibleRank, keptByMiner), cancellationToken);
        if (sequence[^1] == scorer.EosTokenId && scores[^1].Rank > Math.Max(_options.PlausibleRank, request.TopK))
        {
            return LlmCheckResult.Fail(
                $"the answer stopped after {tokens.Count} tokens where the model ranks end-of-sequence {scores[^1].Rank}: it would not have stopped there");
        }

        var badRanks = new List<int>();
        var ratioLimit = Math.Log(_options.EosLikelihoodRatio);
        for (var j = 0; j < scores.Count; j++)
        {
            var score = scores[j];
            if (score.Rank > _options.PlausibleRank || double.IsNegativeInfinity(score.Logprob))
            {
                badRanks.Add(j);
                if (badRanks.Count > _options.ToleratedBadRanks)
                {
                    return LlmCheckResult.Fail($"{badRanks.Count} tokens outside the model's top {_options.PlausibleRank}", badRanks.Count);
                }
            }

            if (score.TokenId != scorer.EosTokenId && score.EosLogprob - score.Logprob > ratioLimit)
            {
                return LlmCheckResult.Fail(
                    $"at token {j} end-of-sequence was over {_options.EosLikelihoodRatio}x likelier than the token produced",
                    badRanks.Count);
            }
        }

        var positions = DistancePositions(responseIds.Count, badRanks, random);
        var total = 0.0;
        foreach (var position in positions)
        {
            total += Distance(scores[position], tokens[position].Logprob, request.Temperature, request.TopP, keptByMiner);
        }

        var meanDistance = total / positions.Count;
        return new LlmCheckResult(QualityFromDistance(meanDistance), null, meanDistance, badRanks.Count, positions.Count);
    }

    /// <summary>1 up to the perfect distance, then linear down to 0.5 at the zero distance, 0 beyond it.</summary>
    public double QualityFromDistance(double distance)
    {
        if (distance <= _options.PerfectDistance)
        {
            return 1.0;
        }

        if (distance <= _options.ZeroDistance)
        {
            return 1.0 - (0.5 * (distance - _options.PerfectDistance) / (_options.ZeroDistance - _options.PerfectDistance));
        }

        return 0.0;
    }

    private static IReadOnlyList<int> ResponseIds(
        TextRequest request, IReadOnlyList<MinerToken> tokens, ISequenceScorer scorer, out string? error)
    {
        error = null;
        var text = string.Concat(tokens.Select(t => t.Text));
        if (tokens.All(t => t.TokenId is not null))
        {
            var ids = tokens.Select(t => t.TokenId!.Value).ToArray();
            if (!string.Equals(scorer.DecodeContinuation(ids), text, StringComparison.Ordinal))
            {
                error = "the token ids the miner reported do not decode to the text it streamed";
            }

            return ids;
        }

        var canonical = scorer.TokenizeContinuation(request, text);
        if (canonical.Count == 0)
        {
            error = "the response text tokenises to nothing";
        }

        return canonical;
    }

    private List<int> DistancePositions(int responseLength, List<int> badRanks, Random random)
    {
        if (responseLength == 1)
        {
            return [0];
        }

        var chosen = new List<int> { 0, responseLength - 1 };
        foreach (var bad in badRanks)
        {
            if (bad < responseLength && !chosen.Contains(bad) && chosen.Count < _options.DistanceChecks)
            {
                chosen.Add(bad);
            }
        }

        var middle = Enumerable.Range(1, Math.Max(0, responseLength - 2)).Where(i => !chosen.Contains(i)).ToList();
        while (chosen.Count < _options.DistanceChecks && middle.Count > 0)
        {
            var pick = random.Next(middle.Count);
            chosen.Add(middle[pick]);
            middle.RemoveAt(pick);
        }

        return chosen;
    }

    /// <summary>
    /// How many tokens the miner's sampler kept, over which its log-probabilities are renormalised: the request's top_k
    /// (synthetic requests ask for 5, as the reference's do; a user may ask for more), at most <see cref="MaxKept"/>;
    /// the configured distance top-k when the request sets none (top_k 0 keeps every token).
    /// </summary>
    private int KeptByMiner(TextRequest request) => request.TopK > 0 ? Math.Min(request.TopK, MaxKept) : _options.DistanceTopK;

    /// <summary>The most alternatives a scorer returns (the engine's and OpenAI's top_logprobs limit); a miner keeping more
    /// tokens than this has them renormalised over these, which the tail beyond rank 20 barely moves.</summary>
    private const int MaxKept = 20;

    private static double Distance(PositionScore score, double minerLogprob, double temperature, double topP, int kept)
    {
        var top = score.Top.Take(kept).ToArray();
        var index = Array.FindIndex(top, t => t.TokenId == score.TokenId);
        if (index < 0)
        {
            return 1.0;
        }

        var checkerLogprob = top[index].Logprob;
        if (temperature > 0)
        {
            // The miner sampled with top-k (and top-p), so its log-probability is renormalised over the kept tokens.
            var nucleus = Nucleus(top, topP);
            var over = index < nucleus ? top.AsSpan(0, nucleus) : top;
            var max = over[0].Logprob;
            var sum = 0.0;
            foreach (var t in over)
            {
                sum += Math.Exp(t.Logprob - max);
            }

            checkerLogprob -= max + Math.Log(sum);
        }

        return Math.Abs(Math.Exp(checkerLogprob) - Math.Exp(minerLogprob));
    }

    /// <summary>
    /// How many of the top-k tokens (most likely first) top-p keeps, as vLLM does: it drops, from the least likely up,
    /// tokens whose ascending cumulative probability (over the top-k set) is at most 1 − p, never the most likely one.
    /// A token the miner produced but the nucleus drops (a rounding at its edge) is compared over the top-k instead.
    /// </summary>
    private static int Nucleus(TokenLogprob[] top, double topP)
    {
        if (topP >= 1 || top.Length <= 1)
        {
            return top.Length;
        }

        var max = top[0].Logprob;
        var total = top.Sum(t => Math.Exp(t.Logprob - max));
        var cumulative = 0.0;
        var kept = top.Length;
        for (var i = top.Length - 1; i > 0; i--)
        {
            cumulative += Math.Exp(top[i].Logprob - max) / total;
            if (cumulative > 1 - topP)
            {
                break;
            }

            kept = i;
        }

        return kept;
    }
}
