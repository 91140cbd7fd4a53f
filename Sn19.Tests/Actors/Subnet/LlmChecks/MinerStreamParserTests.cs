namespace Sn19.Tests.Actors.Subnet.LlmChecks;

using System.Text.Json;
using Sn19.Actors.Subnet.LlmChecks;
using Sn19.Actors.Wire.OpenAi;

public sealed class MinerStreamParserTests
{
    [Fact]
    public void Parse_ChatChunks_SkipsRoleAndUsageChunks()
    {
        var stream = MinerStreamParser.Parse(
        [
            Json("""{"choices":[{"index":0,"delta":{"role":"assistant","content":""},"logprobs":null}]}"""),
            Json("""{"choices":[{"index":0,"delta":{"content":" Great"},"logprobs":{"content":[{"token":"token_id:17","logprob":-1.5}]}}]}"""),
            Json("""{"choices":[{"index":0,"delta":{"content":"!"},"logprobs":{"content":[{"token":"!","logprob":-0.25}]},"finish_reason":"stop"}]}"""),
            Json("""{"choices":[],"usage":{"completion_tokens":2}}"""),
        ], TextRequestKind.Chat);

        Assert.True(stream.IsValid);
        Assert.Equal([new MinerToken(" Great", -1.5, 17), new MinerToken("!", -0.25, null)], stream.Tokens);
    }

    [Fact]
    public void Parse_CompletionChunks_ReadsTokenLogprobs()
    {
        var stream = MinerStreamParser.Parse(
        [
            Json("""{"choices":[{"index":0,"text":"abc","logprobs":{"tokens":["token_id:5"],"token_logprobs":[-0.5]}}]}"""),
        ], TextRequestKind.Completion);
        Assert.Equal([new MinerToken("abc", -0.5, 5)], stream.Tokens);
    }

    [Theory]
    [InlineData("""{"choices":[{"index":0,"delta":{"content":"x"},"logprobs":null}]}""", "no logprobs")]
    [InlineData("""{"choices":[{"index":0,"delta":{},"logprobs":{"content":[{"logprob":-1}]}}]}""", "no text")]
    [InlineData("""{"choices":[{"index":0,"delta":{"content":"x"},"logprobs":{"content":[]}}]}""", "malformed logprob")]
    [InlineData("""{"nothing":1}""", "no choices")]
    public void Parse_MalformedChunkAfterTheFirst_IsInvalid(string chunk, string expected)
    {
        var good = Json("""{"choices":[{"index":0,"delta":{"content":"a"},"logprobs":{"content":[{"logprob":-1}]}}]}""");
        var stream = MinerStreamParser.Parse([good, Json(chunk)], TextRequestKind.Chat);
        Assert.False(stream.IsValid);
        Assert.Contains(expected, stream.Error, StringComparison.Ordinal);
    }

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();
}
