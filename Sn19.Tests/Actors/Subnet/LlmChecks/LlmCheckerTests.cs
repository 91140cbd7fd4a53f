namespace Sn19.Tests.Actors.Subnet.LlmChecks;

using Sn19.Actors.Subnet.LlmChecks;
using Sn19.Actors.Wire.OpenAi;

public sealed class LlmCheckerTests
{
    // Tokens 0..4 carry most of the mass; 9 is end-of-sequence and unlikely.
    private static readonly double[] Distribution = Normalise([5, 4, 3, 2, 1, -2, -2.5, -3, -3.5, -1, -4, -4.5, -5, -6]);

    private readonly LlmChecker _checker = new(new LlmCheckOptions());

    [Fact]
    public async Task Check_HonestTopKLogprobs_QualityOne()
    {
        var tokens = new[] { 0, 1, 0, 2 }.Select(t => Token(t, TopKLogprob(t, 5))).ToArray();
        var result = await Check(tokens, maxTokens: 4, temperature: 0.7);
        Assert.Null(result.FailReason);
        Assert.Equal(1.0, result.Quality);
        Assert.Equal(4, result.DistanceChecks);
    }

    [Fact]
    public async Task Check_TemperatureZeroUsesRawLogprobs()
    {
        var tokens = new[] { 0, 0 }.Select(t => Token(t, Distribution[t])).ToArray();
        var result = await Check(tokens, maxTokens: 2, temperature: 0);
        Assert.Equal(1.0, result.Quality);
    }

    [Fact]
    public async Task Check_MoreThanThreeImplausibleTokens_Fails()
    {
        var tokens = new[] { 10, 11, 12, 13 }.Select(t => Token(t, -0.1)).ToArray();
        var result = await Check(tokens, maxTokens: 4, temperature: 1);
        Assert.Equal(0, result.Quality);
        Assert.Contains("top 10", result.FailReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_MoreTokensThanMaxTokens_Fails()
    {
        var result = await Check([Token(0, -0.1), Token(0, -0.1)], maxTokens: 1, temperature: 1);
        Assert.Contains("max_tokens", result.FailReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_IdsThatDoNotMatchText_Fails()
    {
        var result = await Check([new MinerToken("t3", -0.1, 4)], maxTokens: 5, temperature: 1);
        Assert.Contains("do not decode", result.FailReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_WrongLogprobs_LowersQuality()
    {
        // Honest tokens, but reported probabilities far from the model's: distance ≈ 0.3 → quality 0.
        var tokens = new[] { 1, 1, 1, 1, 1 }.Select(t => Token(t, Math.Log(Math.Exp(TopKLogprob(t, 5)) + 0.3))).ToArray();
        var result = await Check(tokens, maxTokens: 5, temperature: 1);
        Assert.NotNull(result.MeanDistance);
        Assert.Equal(0, result.Quality);
    }

    [Fact]
    public async Task Check_EndOfSequenceFarLikelier_Fails()
    {
        var peaked = Normalise([0, 0, 0, 0, 0, 0, 0, 0, 0, 8, 0, 0, 0, 0]);
        var scorer = new ScriptedSequenceScorer(peaked);
        var request = Request(maxTokens: 3, temperature: 1);
        var result = await _checker.CheckAsync(request, new MinerStream([Token(1, -0.1)], null), scorer, new Random(1), default);
        Assert.Contains("end-of-sequence", result.FailReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_TopPLogprobs_RenormalisedOverTheNucleus_QualityOne()
    {
        // A miner sampling with top-k 5 and top-p 0.9 reports log-probabilities over the tokens top-p kept.
        var kept = Nucleus(5, 0.9);
        var tokens = new[] { 0, 1, 0 }.Select(t => Token(t, Distribution[t] - LogSum(kept))).ToArray();
        var request = Request(maxTokens: 3, temperature: 1) with { TopP = 0.9 };

        var result = await _checker.CheckAsync(request, new MinerStream(tokens, null), new ScriptedSequenceScorer(Distribution), new Random(1), default);

        Assert.True(kept.Length is > 1 and < 5, $"the nucleus keeps {kept.Length}");
        Assert.Equal(0, result.MeanDistance!.Value, 9);
    }

    [Fact]
    public void QualityFromDistance_ExactMatch_IsStricter()
    {
        var options = new LlmCheckOptions();
        var exact = new LlmChecker(options.ForExactMatch());

        Assert.Equal(1.0, _checker.QualityFromDistance(0.05), 9);
        Assert.Equal(1.0, exact.QualityFromDistance(options.ExactPerfectDistance), 9);
        Assert.Equal(0.5, exact.QualityFromDistance(options.ExactZeroDistance), 9);
        Assert.Equal(0.0, exact.QualityFromDistance(0.06), 9);
    }

    [Fact]
    public async Task ResultChecker_ExactTask_UsesTheExactDistances()
    {
        // Reported probabilities 0.06 off the model's: perfect for a tolerant task (up to 0.125), past zero for an exact one (0.05).
        var tokens = new[] { 1, 1, 1 }.Select(t => Token(t, Math.Log(Math.Exp(TopKLogprob(t, 5)) + 0.06))).ToArray();
        var request = Request(maxTokens: 3, temperature: 1);
        var checker = new LlmResultChecker(new ScriptedSequenceScorer(Distribution), new LlmCheckOptions(), 1, new HashSet<string> { "exact-task" });
        var chunks = OpenAiChunks(request, tokens);

        var tolerant = await checker.CheckAsync(Candidate("tolerant-task", request, chunks), default);
        var exact = await checker.CheckAsync(Candidate("exact-task", request, chunks), default);

        Assert.Equal(1.0, tolerant.Quality, 9);
        Assert.True(exact.Quality < 0.5, $"exact quality {exact.Quality}");
    }

    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(0.125, 1.0)]
    [InlineData(0.15, 0.9)]
    [InlineData(0.1875, 0.75)]
    [InlineData(0.25, 0.5)]
    [InlineData(0.2501, 0.0)]
    public void QualityFromDistance_ReferenceExamples(double distance, double expected)
    {
        Assert.Equal(expected, _checker.QualityFromDistance(distance), 9);
    }

    private Task<LlmCheckResult> Check(MinerToken[] tokens, int maxTokens, double temperature) =>
        _checker.CheckAsync(
            Request(maxTokens, temperature), new MinerStream(tokens, null), new ScriptedSequenceScorer(Distribution), new Random(1), default);

    private static TextRequest Request(int maxTokens, double temperature) =>
        new() { Model = "m", Prompt = "p", MaxTokens = maxTokens, Temperature = temperature };

    private static MinerToken Token(int id, double logprob) => new($"t{id}", logprob, id);

    private static Sn19.Actors.Subnet.Checks.CheckCandidate Candidate(string task, TextRequest request, string chunks) =>
        new("miner", task, "scripted", 1, DateTimeOffset.UnixEpoch, System.Text.Json.JsonSerializer.Serialize(request), chunks);

    /// <summary>The answer as the miner streams it (token_id:N, its log-probability), then the usage chunk.</summary>
    private static string OpenAiChunks(TextRequest request, MinerToken[] tokens)
    {
        var writer = new OpenAiChunkWriter(request, "id", DateTimeOffset.UnixEpoch);
        var chunks = new List<System.Text.Json.JsonElement>();
        for (var i = 0; i < tokens.Length; i++)
        {
            var buffer = new System.Buffers.ArrayBufferWriter<byte>();
            writer.WriteToken(buffer, new StreamedToken(tokens[i].TokenId!.Value, tokens[i].Text, tokens[i].Logprob, []), i == tokens.Length - 1 ? "length" : null);
            chunks.Add(System.Text.Json.JsonDocument.Parse(buffer.WrittenMemory).RootElement.Clone());
        }

        return System.Text.Json.JsonSerializer.Serialize(chunks);
    }

    /// <summary>The top-k tokens (most likely first) that top-p keeps: vLLM drops from the least likely up while the
    /// ascending cumulative probability stays at most 1 − p.</summary>
    private static double[] Nucleus(int k, double p)
    {
        var top = Distribution.OrderDescending().Take(k).ToArray();
        var probabilities = top.Select(l => Math.Exp(l - LogSum(top))).ToArray();
        var kept = k;
        var cumulative = 0.0;
        for (var i = k - 1; i > 0 && cumulative + probabilities[i] <= 1 - p; i--)
        {
            cumulative += probabilities[i];
            kept = i;
        }

        return top[..kept];
    }

    private static double LogSum(double[] logprobs)
    {
        var max = logprobs.Max();
        return max + Math.Log(logprobs.Sum(l => Math.Exp(l - max)));
    }

    private static double TopKLogprob(int id, int k)
    {
        var top = Distribution.OrderDescending().Take(k).ToArray();
        var max = top[0];
        return Distribution[id] - (max + Math.Log(top.Sum(l => Math.Exp(l - max))));
    }

    private static double[] Normalise(double[] logits)
    {
        var max = logits.Max();
        var log = max + Math.Log(logits.Sum(l => Math.Exp(l - max)));
        return logits.Select(l => l - log).ToArray();
    }
}
