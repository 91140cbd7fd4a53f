namespace Sn19.Tests.Host.Miner.Hostile;

using Sn19.Actors.Subnet.LlmChecks;
using Sn19.Actors.Wire.OpenAi;
using Sn19.Host.Local;
using Sn19.Host.Miner;
using Sn19.Host.Miner.Hostile;
using Sn19.Tests.Actors.Subnet.LlmChecks;
using Sn19.Tests.TestSupport;

/// <summary>
/// Each hostile kind of `sn19 miner --hostile`, through the miner's own backend chain and the wire format, fails the
/// LLM check on the task's model at T=1; the honest chain passes the same requests (a small sample; the full table
/// is <c>Sn19.Benchmarks -- hostile</c>).
/// </summary>
public sealed class HostileMinerCheckTests(StoriesModelPairFixture models) : IClassFixture<StoriesModelPairFixture>
{
    private const int Checks = 3;

    [Theory]
    [InlineData("early-eos")]
    [InlineData("truncated")]
    [InlineData("replay")]
    [InlineData("forger")]
    public async Task Check_HostileMiner_FailsEveryCheck(string kind)
    {
        var scorer = new EngineSequenceScorer(models.Task, "task");
        IMinerTextBackend honest = new InferenceMinerBackend(models.Task);
        IMinerTextBackend miner = kind == "forger"
            // The other model of the pair writes the answer; the task's model supplies the log-probabilities.
            ? new ForgerMinerBackend(new InferenceMinerBackend(models.Other), scorer)
            : new HostileMinerBackend(honest, HostileSetting.Parse(kind, out _)!);
        var requests = await RequestsAsync(kind.Length, Checks + 1);
        if (kind == "replay")
        {
            // Its first answer is honest: the one it replays afterwards.
            await MinerAnswer.ChunksAsync(miner, requests[^1], default);
        }

        foreach (var request in requests.Take(Checks))
        {
            var result = await CheckAsync(scorer, miner, request);
            Assert.True(result.Quality <= 0.1, $"{kind}: quality {result.Quality} ({result.FailReason}, d={result.MeanDistance})");
            var control = await CheckAsync(scorer, honest, request);
            Assert.True(control.Quality >= 0.95, $"honest: quality {control.Quality} ({control.FailReason}, d={control.MeanDistance})");
        }
    }

    [Theory]
    [InlineData("early-eos:0.25", "EarlyEos", 0.25)]
    [InlineData("early-eos", "EarlyEos", 0.5)]
    [InlineData("truncated", "Truncated", 0.5)]
    [InlineData("REPLAY", "Replay", 0)]
    [InlineData("logprob-noise:0.3", "LogprobNoise", 0.3)]
    public void Parse_KnownKinds_GiveTheirSetting(string text, string kind, double amount)
    {
        var setting = HostileSetting.Parse(text, out var error);
        Assert.Null(error);
        Assert.Equal((kind, amount), (setting!.Kind.ToString(), setting.Amount));
    }

    [Theory]
    [InlineData("lazy", "unknown hostile kind")]
    [InlineData("early-eos:2", "share of max_tokens")]
    [InlineData("logprob-noise:-1", "sigma")]
    [InlineData("forger", "cheaper model")]
    [InlineData("replay:3", "unknown hostile kind")]
    public void Parse_BadText_SaysWhatIsWrong(string text, string expected)
    {
        Assert.Null(HostileSetting.Parse(text, out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Miner_WithUnknownHostileKind_ExitsWithUsageError()
    {
        var run = await Sn19Process.RunAsync(TimeSpan.FromSeconds(60), "miner", "--hostile", "lazy");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("unknown hostile kind 'lazy'", run.Stderr, StringComparison.Ordinal);
    }

    private Task<List<TextRequest>> RequestsAsync(int seed, int count)
    {
        var options = LocalSynthetics.Load();
        options.MaxMaxTokens = 32;
        return SyntheticRequests.DrawAsync(options, models.Task, TextRequestKind.Completion, new Random(seed), count, r => r with { Temperature = 1, MaxTokens = 32 });
    }

    private static async Task<LlmCheckResult> CheckAsync(EngineSequenceScorer scorer, IMinerTextBackend miner, TextRequest request) =>
        await new LlmChecker(new LlmCheckOptions()).CheckAsync(
            request, MinerStreamParser.Parse(await MinerAnswer.ChunksAsync(miner, request, default), request.Kind), scorer, new Random(7), default);
}
