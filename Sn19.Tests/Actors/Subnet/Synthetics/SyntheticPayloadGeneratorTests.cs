namespace Sn19.Tests.Actors.Subnet.Synthetics;

using System.Text.Json;
using Sn19.Actors.Subnet.Synthetics;
using Sn19.Actors.Wire.OpenAi;

public sealed class SyntheticPayloadGeneratorTests
{
    private const string Corpus =
        "The cat sat on the mat. The dog ran in the park and the cat ran after it.\n\n" +
        "A hare was one day making fun of a tortoise. Slow and steady wins the race.";

    [Fact]
    public void Generate_ProducesExactlyTheRequestedWordCount()
    {
        var model = MarkovTextModel.Build(Corpus);
        var random = new Random(7);
        foreach (var words in new[] { 0, 1, 2, 3, 17, 250 })
        {
            var text = model.Generate(random, words);
            Assert.Equal(words, text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);
        }
    }

    [Fact]
    public void Build_CorpusWithoutParagraphs_Throws()
    {
        Assert.Throws<ArgumentException>(() => MarkovTextModel.Build("too short"));
    }

    [Fact]
    public void Chat_SameSeed_SameRequest()
    {
        var generator = NewGenerator();
        var first = JsonSerializer.Serialize(generator.Chat("chat-task", new Random(42)));
        var second = JsonSerializer.Serialize(generator.Chat("chat-task", new Random(42)));
        Assert.Equal(first, second);
    }

    [Fact]
    public void Chat_EndsOnUserTurnAndStartsWithSystem()
    {
        var generator = NewGenerator();
        for (var seed = 0; seed < 50; seed++)
        {
            var request = generator.Chat("chat-task", new Random(seed));
            Assert.Equal(TextRequestKind.Chat, request.Kind);
            Assert.Equal("system", request.Messages![0].Role);
            Assert.Equal("user", request.Messages[^1].Role);
            Assert.InRange(request.MaxTokens, 50, 2000);
            Assert.InRange(request.Temperature, 0, 1);
            Assert.Equal(request.Temperature, Math.Round(request.Temperature, 1));
            Assert.InRange(request.Seed, 1, 100_000_000);
            Assert.Equal(5, request.TopK);
            Assert.True(request.Stream && request.Logprobs && request.ReturnTokensAsTokenIds);
        }
    }

    [Fact]
    public void Completion_HasPromptAndNoMessages()
    {
        var request = NewGenerator().Completion("completion-task", new Random(3));
        Assert.Equal(TextRequestKind.Completion, request.Kind);
        Assert.Null(request.Messages);
        Assert.False(string.IsNullOrWhiteSpace(request.Prompt));
        Assert.Equal("completion-task", request.Model);
    }

    [Fact]
    public void DrawWordCount_MatchesTheReferenceMeanOfAboutAThousand()
    {
        var generator = NewGenerator();
        var random = new Random(1);
        var mean = Enumerable.Range(0, 20_000).Average(_ => generator.DrawWordCount(random));
        // E[X] = 0.3·1000 + 0.7·(0.5·2000) = 1000 before truncation; clipping at 5000 and flooring negatives
        // move it by a few percent.
        Assert.InRange(mean, 900, 1100);
    }

    [Fact]
    public void Gamma_SampleMeanIsShapeTimesScale()
    {
        var random = new Random(11);
        var mean = Enumerable.Range(0, 50_000).Average(_ => RandomDistributions.Gamma(random, 0.5, 2000));
        Assert.InRange(mean, 950, 1050);
    }

    [Fact]
    public void Options_InvalidRange_NamesTheKey()
    {
        var options = new SyntheticOptions { MinMaxTokens = 10, MaxMaxTokens = 5 };
        var error = Assert.Throws<InvalidOperationException>(options.Validate);
        Assert.Contains("max-tokens", error.Message, StringComparison.Ordinal);
    }

    private static SyntheticPayloadGenerator NewGenerator() =>
        new(MarkovTextModel.Build(Corpus), new SyntheticOptions());
}
