namespace Sn19.Tests.Actors.Subnet.LlmChecks;

using Sn19.Actors.Subnet.LlmChecks;
using Sn19.Actors.Wire.OpenAi;
using Sn19.Host.Miner;
using Sn19.Inference.Generation;

/// <summary>
/// The LLM check on the real CPU engine: answers from the task's model pass, answers from a different
/// model (same tokenizer, other weights) fail, at the temperatures validators use.
/// </summary>
public sealed class LlmCheckEngineTests(StoriesModelPairFixture models) : IClassFixture<StoriesModelPairFixture>
{
    private static readonly string[] Prompts = ["The cat sat on the mat and", "Four score and seven years ago", "Down, down, down. Would the fall"];

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(1.0)]
    public async Task Check_AnswerFromTheTaskModel_QualityAtLeast095(double temperature)
    {
        foreach (var (request, index) in Requests(temperature).Select((r, i) => (r, i)))
        {
            var result = await CheckAsync(models.Task, request, index);
            Assert.True(result.Quality >= 0.95, $"honest quality {result.Quality} ({result.FailReason}, d={result.MeanDistance}) at T={temperature}");
        }
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(1.0)]
    public async Task Check_AnswerFromAnotherModel_QualityAtMost01(double temperature)
    {
        foreach (var (request, index) in Requests(temperature).Select((r, i) => (r, i)))
        {
            var result = await CheckAsync(models.Other, request, index);
            Assert.True(result.Quality <= 0.1, $"impostor quality {result.Quality} (d={result.MeanDistance}) at T={temperature}");
        }
    }

    [Fact]
    public async Task Check_ChatAnswerFromTheTaskModel_Passes()
    {
        var request = new TextRequest
        {
            Model = "chat", Messages = [new ChatMessage("system", "Be brief."), new ChatMessage("user", "Tell me about the hare.")],
            MaxTokens = 24, Temperature = 0.7, Seed = 9,
        };
        var result = await CheckAsync(models.Task, request, 0);
        Assert.True(result.Quality >= 0.95, $"{result.Quality} {result.FailReason}");
    }

    private static IEnumerable<TextRequest> Requests(double temperature) =>
        Prompts.Select((prompt, i) => new TextRequest { Model = "completion", Prompt = prompt, MaxTokens = 24, Temperature = temperature, Seed = 100 + i });

    /// <summary>Generates with <paramref name="miner"/>, streams it through the wire format, checks with the task's model.</summary>
    private async Task<LlmCheckResult> CheckAsync(LocalInferenceBackend miner, TextRequest request, int index)
    {
        var stream = MinerStreamParser.Parse(await MinerAnswer.ChunksAsync(new InferenceMinerBackend(miner), request, default), request.Kind);
        var checker = new LlmChecker(new LlmCheckOptions());
        return await checker.CheckAsync(request, stream, new EngineSequenceScorer(models.Task, "task"), new Random(index), default);
    }
}
