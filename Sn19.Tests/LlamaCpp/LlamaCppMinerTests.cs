namespace Sn19.Tests.LlamaCpp;

using Sn19.Actors.Subnet.LlmChecks;
using Sn19.Actors.Wire.OpenAi;
using Sn19.Host.Local;
using Sn19.Host.Miner;
using Sn19.Inference.Backends.OpenAi;
using Sn19.Tests.Actors.Subnet.LlmChecks;
using Sn19.Tests.TestSupport;

/// <summary>
/// A miner on another engine (issue 23): llama.cpp serving the task's GGUF file behind the OpenAI-compatible shim, reached
/// through the miner's own OpenAI backend chain, passes the LLM check that Sn19's engine makes, for completion and chat
/// from greedy to T=1.5 (a sample; the full table is <c>Sn19.Benchmarks -- hostile</c>). Its log-probabilities are not
/// Sn19's to the bit, and need not be.
/// </summary>
public sealed class LlamaCppMinerTests(StoriesModelPairFixture models) : IClassFixture<StoriesModelPairFixture>
{
    [Theory]
    [InlineData(TextRequestKind.Completion, 0.0)]
    [InlineData(TextRequestKind.Completion, 1.0)]
    [InlineData(TextRequestKind.Completion, 1.5)]
    [InlineData(TextRequestKind.Chat, 0.0)]
    [InlineData(TextRequestKind.Chat, 1.0)]
    public async Task Check_LlamaCppMiner_Passes(TextRequestKind kind, double temperature)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await using var shim = await LlamaCppShim.StartAsync(TestPaths.RepositoryRoot, models.TaskFile, 256, timeout.Token);
        using var http = new HttpClient();
        var miner = new InferenceMinerBackend(new OpenAiBackend(http, new OpenAiBackendOptions { BaseUrl = shim.Url, Model = "llama-cpp" }));
        var scorer = new EngineSequenceScorer(models.Task, "task");
        var checker = new LlmChecker(new LlmCheckOptions());
        var requests = await SyntheticRequests.DrawAsync(LocalSynthetics.Load(), models.Task, kind, new Random(31 + (int)(temperature * 10)), 4,
            r => r with { Temperature = temperature, MaxTokens = Math.Min(r.MaxTokens, 48) });
        foreach (var request in requests)
        {
            var chunks = await MinerAnswer.ChunksAsync(miner, request, timeout.Token);
            var stream = MinerStreamParser.Parse(chunks, kind);
            var result = await checker.CheckAsync(request, stream, scorer, new Random(7), timeout.Token);

            Assert.True(result.Quality >= 0.5, $"{kind} T={temperature}: quality {result.Quality} ({result.FailReason}, d={result.MeanDistance})");
            // llama.cpp's server sends the finish reason in a chunk of its own: no extra token for it.
            Assert.True(stream.Tokens.Count <= request.MaxTokens, $"{stream.Tokens.Count} tokens for max_tokens {request.MaxTokens}");
        }
    }

    [Fact]
    public async Task Shim_UnservedRequest_Is400WithAMessage()
    {
        await using var shim = await LlamaCppShim.StartAsync(TestPaths.RepositoryRoot, models.TaskFile, 256, CancellationToken.None);
        using var http = new HttpClient();
        using var response = await http.PostAsync(new Uri(shim.Url, "v1/completions"), new StringContent("""{"prompt":"Once","stream":false}"""));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("only streamed responses", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
