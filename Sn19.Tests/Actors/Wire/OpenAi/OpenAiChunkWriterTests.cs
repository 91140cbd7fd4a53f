namespace Sn19.Tests.Actors.Wire.OpenAi;

using System.Buffers;
using System.Text.Json;
using Sn19.Actors.Subnet.LlmChecks;
using Sn19.Actors.Wire.OpenAi;

public sealed class OpenAiChunkWriterTests
{
    private static readonly StreamedToken[] Tokens =
    [
        new(17, " Hello", -0.25, [new TokenAlternative(17, " Hello", -0.25), new TokenAlternative(3, " Hi", -1.5)]),
        new(4, "\"!\"", -0.5, [new TokenAlternative(4, "\"!\"", -0.5)]),
    ];

    [Theory]
    [InlineData(TextRequestKind.Chat)]
    [InlineData(TextRequestKind.Completion)]
    public void WriteToken_ParsesBackToTheSameTokens(TextRequestKind kind)
    {
        var request = Request(kind);
        var writer = new OpenAiChunkWriter(request, "id-1", DateTimeOffset.UnixEpoch);
        var chunks = new List<JsonElement>();
        for (var i = 0; i < Tokens.Length; i++)
        {
            var buffer = new ArrayBufferWriter<byte>();
            writer.WriteToken(buffer, Tokens[i], i == Tokens.Length - 1 ? "stop" : null);
            chunks.Add(JsonDocument.Parse(buffer.WrittenMemory).RootElement.Clone());
        }

        var usage = new ArrayBufferWriter<byte>();
        writer.WriteUsage(usage, new TokenUsage(5, 2));
        chunks.Add(JsonDocument.Parse(usage.WrittenMemory).RootElement.Clone());

        var parsed = MinerStreamParser.Parse(chunks, kind);

        Assert.True(parsed.IsValid, parsed.Error);
        Assert.Equal(Tokens.Select(t => new MinerToken(t.Text, t.Logprob, t.Id)), parsed.Tokens);
        Assert.Equal(7, chunks[^1].GetProperty("usage").GetProperty("total_tokens").GetInt32());
        Assert.Equal("stop", chunks[^2].GetProperty("choices")[0].GetProperty("finish_reason").GetString());
    }

    [Theory]
    [InlineData(TextRequestKind.Chat)]
    [InlineData(TextRequestKind.Completion)]
    public void WriteFinish_AfterTheLastToken_CountsNoToken(TextRequestKind kind)
    {
        var writer = new OpenAiChunkWriter(Request(kind), "id-1", DateTimeOffset.UnixEpoch);
        var chunks = new List<JsonElement>();
        foreach (var write in new Action<ArrayBufferWriter<byte>>[] { b => writer.WriteToken(b, Tokens[0], null), b => writer.WriteFinish(b, "length") })
        {
            var buffer = new ArrayBufferWriter<byte>();
            write(buffer);
            chunks.Add(JsonDocument.Parse(buffer.WrittenMemory).RootElement.Clone());
        }

        var parsed = MinerStreamParser.Parse(chunks, kind);

        Assert.True(parsed.IsValid, parsed.Error);
        Assert.Single(parsed.Tokens);
        Assert.Equal("length", chunks[^1].GetProperty("choices")[0].GetProperty("finish_reason").GetString());
    }

    [Fact]
    public void WriteToken_ChatTopLogprobs_LimitedToTheRequest()
    {
        var request = Request(TextRequestKind.Chat) with { TopLogprobs = 1 };
        var buffer = new ArrayBufferWriter<byte>();
        new OpenAiChunkWriter(request, "id", DateTimeOffset.UnixEpoch).WriteToken(buffer, Tokens[0], null);
        var top = JsonDocument.Parse(buffer.WrittenMemory).RootElement
            .GetProperty("choices")[0].GetProperty("logprobs").GetProperty("content")[0].GetProperty("top_logprobs");
        Assert.Equal(1, top.GetArrayLength());
        Assert.Equal("token_id:17", top[0].GetProperty("token").GetString());
    }

    [Fact]
    public void WriteComplete_NonStreamingCompletion_CarriesTextAndOffsets()
    {
        var buffer = new ArrayBufferWriter<byte>();
        new OpenAiChunkWriter(Request(TextRequestKind.Completion) with { ReturnTokensAsTokenIds = false }, "id", DateTimeOffset.UnixEpoch)
            .WriteComplete(buffer, Tokens, "length", new TokenUsage(1, 2));
        var choice = JsonDocument.Parse(buffer.WrittenMemory).RootElement.GetProperty("choices")[0];
        Assert.Equal(" Hello\"!\"", choice.GetProperty("text").GetString());
        Assert.Equal(" Hello", choice.GetProperty("logprobs").GetProperty("tokens")[0].GetString());
        Assert.Equal(6, choice.GetProperty("logprobs").GetProperty("text_offset")[1].GetInt32());
    }

    private static TextRequest Request(TextRequestKind kind) => kind == TextRequestKind.Chat
        ? new TextRequest { Model = "m", Messages = [new ChatMessage("user", "hi")], TopLogprobs = 2 }
        : new TextRequest { Model = "m", Prompt = "hi", TopLogprobs = 2 };
}
