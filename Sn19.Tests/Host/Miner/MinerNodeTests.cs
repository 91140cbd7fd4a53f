namespace Sn19.Tests.Host.Miner;

using System.Net;
using System.Text;
using System.Text.Json;
using Sn19.Actors.Subnet.LlmChecks;
using Sn19.Actors.Wire;
using Sn19.Actors.Wire.OpenAi;
using Sn19.Actors.Wire.Queries;
using Sn19.Host.Miner;
using Sn19.Tests.Actors.Subnet.LlmChecks;
using Sn19.Tests.TestSupport;

/// <summary>
/// A miner host over real HTTP: the local chain for stake, the sr25519 envelope, the CPU engine behind it.
/// Alice is a validator with 2,000 TAO; Bob is the miner.
/// </summary>
public sealed class MinerNodeTests(StoriesModelPairFixture models) : IClassFixture<StoriesModelPairFixture>, IAsyncLifetime
{
    private const double Capacity = 120;
    private MinerRig _rig = null!;

    public async Task InitializeAsync() => _rig = await MinerRig.StartAsync(models.Task, Capacity);

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    [Fact]
    public async Task Completion_SignedByAValidator_StreamsTokensThatPassTheCheck()
    {
        var request = Request(maxTokens: 16);
        var result = await Client("Alice").QueryAsync(_rig.Miner.Address, DevKeys.Address("Bob"), request, default);

        Assert.Equal(QueryStatus.Ok, result.Status);
        Assert.InRange(result.Tokens, 1, 16);
        var usage = result.Chunks[^1].GetProperty("usage");
        Assert.Equal(models.Task.EncodePrompt(EngineSequenceScorer.ToGeneration(request)).Length, usage.GetProperty("prompt_tokens").GetInt32());
        var stream = MinerStreamParser.Parse(result.Chunks, TextRequestKind.Completion);
        var check = await new LlmChecker(new LlmCheckOptions())
            .CheckAsync(request, stream, new EngineSequenceScorer(models.Task, "task"), new Random(1), default);
        Assert.True(check.Quality >= 0.95, check.FailReason);
    }

    [Fact]
    public async Task Capacity_IsTheValidatorsShare()
    {
        var (capacities, error) = await new CapacityClient(_rig.Http, DevKeys.Signer("Alice"), TimeProvider.System, TimeSpan.FromSeconds(10))
            .FetchAsync(_rig.Miner.Address, DevKeys.Address("Bob"), default);
        Assert.Null(error);
        // Alice is the only validator and has no permit before the first epoch: her share is all of it.
        Assert.Equal(Capacity, capacities!["completion"]);
    }

    [Fact]
    public async Task Completion_BeyondTheValidatorsShare_Is429()
    {
        var client = Client("Alice");
        var statuses = new List<QueryStatus>();
        for (var i = 0; i < 12; i++)
        {
            statuses.Add((await client.QueryAsync(_rig.Miner.Address, DevKeys.Address("Bob"), Request(maxTokens: 16), default)).Status);
        }

        // 120 tokens of share, 16 reserved per request: at most 8 requests fit before the 429s begin.
        Assert.Contains(QueryStatus.RateLimited, statuses);
        Assert.True(statuses.IndexOf(QueryStatus.RateLimited) <= 8);
    }

    [Fact]
    public async Task Completion_FromAnUnregisteredValidator_IsRefused()
    {
        var result = await Client("Charlie").QueryAsync(_rig.Miner.Address, DevKeys.Address("Bob"), Request(8), default);
        Assert.Equal(QueryStatus.Failed, result.Status);
        Assert.Equal(403, result.HttpStatus);
    }

    [Fact]
    public async Task Completion_Unsigned_IsRefusedBeforeTheModelRuns()
    {
        using var content = new StringContent("""{"model":"completion","prompt":"x"}""", Encoding.UTF8, "application/json");
        using var response = await _rig.Http.PostAsync(new Uri(_rig.Miner.Address, "v1/completions"), content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("""{"model":"completion","prompt":"x","top_p":1e-320}""", "top_p")]
    [InlineData("""{"model":"completion","prompt":"x","max_tokens":-1}""", "max_tokens")]
    [InlineData("""{"model":"completion"}""", "prompt")]
    public async Task Completion_SignedButInvalid_Is400NamingTheField(string body, string field)
    {
        // Regression (hardening issue, defect 5): these reached the engine and came back as 500.
        using var response = await SendSignedAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith(field + ":", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Completion_PromptLongerThanTheContext_Is400ContextLengthExceeded()
    {
        var prompt = string.Join(' ', Enumerable.Repeat("once upon a time", 200));
        using var response = await SendSignedAsync(JsonSerializer.Serialize(new TextRequest { Model = "completion", Prompt = prompt, MaxTokens = 4 }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("context_length_exceeded", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Completion_BodyLargerThanTheContextAllows_Is413BeforeItIsRead()
    {
        // Regression (hardening issue, defect 2): the body limit follows the served context (256 tokens
        // here: 64 KiB + 256 × 64 bytes), not the 8 MiB ceiling.
        var prompt = new string('x', 200 * 1024);
        using var response = await SendSignedAsync(JsonSerializer.Serialize(new TextRequest { Model = "completion", Prompt = prompt, MaxTokens = 4 }));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Identity_IsOpenAndNamesTheTasks()
    {
        var body = await _rig.Http.GetStringAsync(new Uri(_rig.Miner.Address, "v1/identity"));
        Assert.Contains(DevKeys.Address("Bob"), body, StringComparison.Ordinal);
        Assert.Contains("\"completion\"", body, StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> SendSignedAsync(string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_rig.Miner.Address, "v1/completions"))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        var signed = await RequestEnvelopeSigning.SignAsync(request, DevKeys.Address("Bob"), DevKeys.Signer("Alice"), TimeProvider.System, default);
        Assert.True(signed.IsSigned, signed.Message);
        return await _rig.Http.SendAsync(request);
    }

    private MinerQueryClient Client(string validator) =>
        new(_rig.Http, DevKeys.Signer(validator), new QueryTimeouts(), TimeProvider.System);

    private static TextRequest Request(int maxTokens) =>
        new() { Model = "completion", Prompt = "Alice was beginning to get very tired", MaxTokens = maxTokens, Temperature = 0.7, Seed = 5 };
}
