namespace Sn19.Tests.Actors.Wire.Queries;

using Microsoft.AspNetCore.Http;
using Sn19.Actors.Wire.OpenAi;
using Sn19.Actors.Wire.Queries;
using Sn19.Tests.TestSupport;

public sealed class MinerQueryClientTests
{
    private static readonly TextRequest Request = new() { Model = "m", Prompt = "hello", MaxTokens = 3, Temperature = 0.5 };

    [Fact]
    public async Task Query_CompleteStream_IsOkWithTokensAndTimings()
    {
        await using var server = await ScriptedMinerServer.StartAsync(context => ScriptedMinerServer.WriteEventsAsync(
            context, [ScriptedMinerServer.TokenChunk("a", 1), ScriptedMinerServer.TokenChunk("b", 2), """{"choices":[],"usage":{"completion_tokens":2}}""", "[DONE]"]));
        var result = await Query(server);

        Assert.Equal(QueryStatus.Ok, result.Status);
        Assert.Equal(2, result.Tokens);
        Assert.Equal(3, result.Chunks.Count);
        Assert.NotNull(result.TimeToFirstToken);
        Assert.True(result.ResponseTime >= result.TimeToFirstToken);
        Assert.Equal(DevKeys.Address("Alice"), server.LastValidatorHeader);
    }

    [Fact]
    public async Task Query_429BeforeTheStream_IsRateLimited()
    {
        await using var server = await ScriptedMinerServer.StartAsync(context =>
        {
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Task.CompletedTask;
        });
        var result = await Query(server);
        Assert.Equal(QueryStatus.RateLimited, result.Status);
        Assert.Equal(429, result.HttpStatus);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(403)]
    public async Task Query_OtherErrorStatus_Fails(int status)
    {
        await using var server = await ScriptedMinerServer.StartAsync(context =>
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        });
        var result = await Query(server);
        Assert.Equal(QueryStatus.Failed, result.Status);
        Assert.Equal(status, result.HttpStatus);
    }

    [Fact]
    public async Task Query_MalformedChunk_Fails()
    {
        await using var server = await ScriptedMinerServer.StartAsync(context =>
            ScriptedMinerServer.WriteEventsAsync(context, [ScriptedMinerServer.TokenChunk("a", 1), "{not json"]));
        var result = await Query(server);
        Assert.Equal("malformed chunk", result.Failure);
    }

    [Fact]
    public async Task Query_EmptyStream_Fails()
    {
        await using var server = await ScriptedMinerServer.StartAsync(context => ScriptedMinerServer.WriteEventsAsync(context, ["[DONE]"]));
        var result = await Query(server);
        Assert.Equal("empty stream", result.Failure);
    }

    [Fact]
    public async Task Query_MoreTokensThanMaxTokens_FailsWithoutReadingTheRest()
    {
        await using var server = await ScriptedMinerServer.StartAsync(context => ScriptedMinerServer.WriteEventsAsync(
            context, Enumerable.Range(0, 1000).Select(i => ScriptedMinerServer.TokenChunk("x", i))));
        var result = await Query(server);
        Assert.Equal(QueryStatus.Failed, result.Status);
        Assert.Contains("max_tokens", result.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Query_HugeLine_FailsInsteadOfBuffering()
    {
        await using var server = await ScriptedMinerServer.StartAsync(context =>
            ScriptedMinerServer.WriteEventsAsync(context, [new string('x', 1024 * 1024)]));
        var result = await Query(server);
        Assert.Contains("longer than", result.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Query_NothingListening_FailsAsTransport()
    {
        var timeouts = new QueryTimeouts();
        using var http = MinerQueryClient.CreateHttpClient(timeouts);
        var client = new MinerQueryClient(http, DevKeys.Signer("Alice"), timeouts, TimeProvider.System);
        var result = await client.QueryAsync(new Uri("http://127.0.0.1:1/"), DevKeys.Address("Bob"), Request, default);
        Assert.Equal(QueryStatus.Failed, result.Status);
        Assert.StartsWith("transport", result.Failure, StringComparison.Ordinal);
        Assert.False(result.TimedOut);
    }

    /// <summary>A miner that sends its headers and then nothing: the first-token timeout ends the query as a timeout.</summary>
    [Fact]
    public async Task Query_NoFirstToken_FailsAsATimeout()
    {
        await using var server = await ScriptedMinerServer.StartAsync(async context =>
        {
            context.Response.ContentType = "text/event-stream";
            await context.Response.Body.FlushAsync(context.RequestAborted);
            await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
        });
        var timeouts = new QueryTimeouts { FirstToken = TimeSpan.FromMilliseconds(300) };
        using var http = MinerQueryClient.CreateHttpClient(timeouts);
        var client = new MinerQueryClient(http, DevKeys.Signer("Alice"), timeouts, TimeProvider.System);
        var result = await client.QueryAsync(server.BaseAddress, DevKeys.Address("Bob"), Request, default);

        Assert.Equal(QueryStatus.Failed, result.Status);
        Assert.True(result.TimedOut, result.Failure);
    }

    private static async Task<QueryResult> Query(ScriptedMinerServer server)
    {
        var timeouts = new QueryTimeouts();
        using var http = MinerQueryClient.CreateHttpClient(timeouts);
        var client = new MinerQueryClient(http, DevKeys.Signer("Alice"), timeouts, TimeProvider.System);
        return await client.QueryAsync(server.BaseAddress, DevKeys.Address("Bob"), Request, default);
    }
}
