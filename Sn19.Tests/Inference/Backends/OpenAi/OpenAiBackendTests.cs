namespace Sn19.Tests.Inference.Backends.OpenAi;

using System.Net;
using Sn19.Inference.Backends.OpenAi;
using Sn19.Inference.Generation;
using Sn19.Inference.Sampling;
using Sn19.Inference.Scoring;
using Sn19.Inference.Tokenizers;
using Sn19.Tests.Inference.Generation;
using static Sn19.Tests.Inference.GenerationSteps;

public sealed class OpenAiBackendTests(TinyGgufFixture fixture) : IClassFixture<TinyGgufFixture>
{
    private OpenAiBackend Client(FakeVllmServer server, HttpClient http, string model = "tiny") =>
        new(http, new OpenAiBackendOptions { BaseUrl = server.BaseUrl, Model = model, EosTokenId = fixture.Engine.Tokenizer.EosId });

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task GenerateAsync_ThroughFakeVllm_MatchesTheEngineTokenForToken(bool chat)
    {
        await using var server = await FakeVllmServer.StartAsync(fixture.Backend);
        using var http = new HttpClient();
        var request = new GenerationRequest
        {
            Prompt = chat ? null : "Once upon a time",
            Messages = chat ? [new ChatMessage("user", "Tell me a story")] : null,
            MaxTokens = 12,
            Sampling = new SamplingParameters(0.7f, TopK: 5, Seed: 17),
            TopLogProbs = 3,
            IgnoreEos = true,
        };
        var direct = await Collect(fixture.Backend, request);
        var remote = await Collect(Client(server, http), request);
        Assert.Equal(direct.Select(s => (s.TokenId, s.Text, s.LogProb, s.FinishReason)), remote.Select(s => (s.TokenId, s.Text, s.LogProb, s.FinishReason)));
        Assert.Equal(direct.Select(s => s.TopLogProbs.Select(a => a.TokenId)), remote.Select(s => s.TopLogProbs.Select(a => a.TokenId)));
        Assert.Equal(fixture.Backend.EncodePrompt(request).Length, direct[^1].PromptTokens);
        Assert.Equal(direct[^1].PromptTokens, remote[^1].PromptTokens);
        Assert.All(remote.SkipLast(1), s => Assert.Null(s.PromptTokens));
        var body = server.Requests.Single();
        Assert.Equal(5, body["top_k"]!.GetValue<int>());
        Assert.True(body["stream"]!.GetValue<bool>());
        Assert.True(body["return_tokens_as_token_ids"]!.GetValue<bool>());
    }

    [Fact]
    public async Task ScoreAsync_ThroughPromptLogprobs_MatchesTheEngine()
    {
        await using var server = await FakeVllmServer.StartAsync(fixture.Backend);
        using var http = new HttpClient();
        var tokens = fixture.Engine.Tokenizer.Encode("The quick brown fox jumps over the lazy dog", addSpecial: true);
        var request = new ScoringRequest(tokens, 3, new SamplingParameters(0.8f), 10);
        var direct = await fixture.Backend.ScoreAsync(request, CancellationToken.None);
        var remote = await Client(server, http).ScoreAsync(request, CancellationToken.None);
        Assert.Equal(direct.Positions.Select(p => (p.Position, p.TokenId, p.LogProb, p.Rank)), remote.Positions.Select(p => (p.Position, p.TokenId, p.LogProb, p.Rank)));
        Assert.Equal(direct.Positions.Select(p => p.Top.Select(t => t.TokenId)), remote.Positions.Select(p => p.Top.Select(t => t.TokenId)));
        var body = server.Requests.Single();
        Assert.Equal(10, body["prompt_logprobs"]!.GetValue<int>());
        Assert.False(body["add_special_tokens"]!.GetValue<bool>());
        Assert.Equal(1, body["max_tokens"]!.GetValue<int>());
    }

    [Fact]
    public async Task GenerateAsync_ServerError_ThrowsWithTheStatus()
    {
        await using var server = await FakeVllmServer.StartAsync(fixture.Backend);
        using var http = new HttpClient();
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => Collect(Client(server, http, "missing"), new GenerationRequest { Prompt = "x", MaxTokens = 2 }));
        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public void Options_MissingModel_IsRejected()
    {
        using var http = new HttpClient();
        Assert.Throws<ArgumentException>(() => new OpenAiBackend(http, new OpenAiBackendOptions { Model = " " }));
    }
}
