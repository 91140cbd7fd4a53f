namespace Sn19.Tests.Actors.Wire.OpenAi;

using System.Text.Json;
using Sn19.Actors.Wire.OpenAi;

/// <summary>Regression (hardening issue, defect 5): signed but invalid bodies were a 500 on the miner.</summary>
public sealed class TextRequestRulesTests
{
    [Theory]
    [InlineData("""{"model":"chat","messages":[null]}""", "messages[0]")]
    [InlineData("""{"model":"chat","messages":[{"role":"user"}]}""", "messages[0].content")]
    [InlineData("""{"model":"chat","messages":[{"role":"user","content":"hi"},{"role":"wizard","content":"x"}]}""", "messages[1].role")]
    [InlineData("""{"model":"chat","messages":[]}""", "messages")]
    [InlineData("""{"model":"chat","messages":[{"role":"user","content":"hi"}],"top_p":1e-320}""", "top_p")]
    [InlineData("""{"model":"chat","messages":[{"role":"user","content":"hi"}],"temperature":-0.5}""", "temperature")]
    [InlineData("""{"model":"chat","messages":[{"role":"user","content":"hi"}],"max_tokens":0}""", "max_tokens")]
    [InlineData("""{"model":"chat","prompt":"x","messages":[{"role":"user","content":"hi"}]}""", "prompt")]
    [InlineData("""{"model":"","messages":[{"role":"user","content":"hi"}]}""", "model")]
    public void Check_ChatBodyBreakingARule_NamesTheField(string json, string field)
    {
        var problem = TextRequestRules.Check(JsonSerializer.Deserialize<TextRequest>(json), TextRequestKind.Chat);

        Assert.Equal(field, problem?.Field);
    }

    [Fact]
    public void Check_ThousandsOfTurns_Refused()
    {
        var turns = Enumerable.Range(0, 5000).Select(i => new ChatMessage(i % 2 == 0 ? "user" : "assistant", "x")).ToArray();
        var problem = TextRequestRules.Check(new TextRequest { Model = "chat", Messages = turns }, TextRequestKind.Chat);

        Assert.Equal("messages", problem?.Field);
        Assert.Contains("5000", problem!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"model":"chat","messages":[{"role":"system","content":"be brief"},{"role":"user","content":"hi"}]}""", TextRequestKind.Chat)]
    [InlineData("""{"model":"completion","prompt":"Once upon","top_p":0.9,"temperature":0.5}""", TextRequestKind.Completion)]
    public void Check_ValidBody_NoProblem(string json, TextRequestKind kind)
    {
        Assert.Null(TextRequestRules.Check(JsonSerializer.Deserialize<TextRequest>(json), kind));
    }

    [Fact]
    public void Check_CompletionWithoutPrompt_NamesPrompt()
    {
        var problem = TextRequestRules.Check(new TextRequest { Model = "completion" }, TextRequestKind.Completion);

        Assert.Equal("prompt", problem?.Field);
    }
}
