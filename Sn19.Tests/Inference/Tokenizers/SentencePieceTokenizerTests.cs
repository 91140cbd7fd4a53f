namespace Sn19.Tests.Inference.Tokenizers;

using Sn19.Inference.Tokenizers;

public sealed class SentencePieceTokenizerTests
{
    [Fact]
    public void Priority_OrdersByScoreDescendingThenLeftAscending()
    {
        float[] scores = [float.MaxValue, 3.5f, 1f, 0f, -0f, -1e-30f, -1f, -2.5f, -1e9f, float.MinValue];
        var keys = scores.Select(s => SentencePieceTokenizer.Priority(s, 7)).ToArray();

        for (var i = 1; i < keys.Length; i++)
        {
            Assert.True(keys[i - 1] <= keys[i], $"score {scores[i - 1]} must come out before {scores[i]}");
        }

        Assert.Equal(keys[3], keys[4]);
        Assert.True(SentencePieceTokenizer.Priority(-1f, 0) < SentencePieceTokenizer.Priority(-1f, 1));
        Assert.True(SentencePieceTokenizer.Priority(-1f, int.MaxValue) < SentencePieceTokenizer.Priority(-1.0001f, 0));
    }

    [Fact]
    public void Encode_UnknownCharacter_FallsBackToByteTokens()
    {
        var tokenizer = VocabTestFiles.Tokenizer("llama-spm");
        var ids = tokenizer.Encode("\u0378"); // an unassigned code point: no piece, so its UTF-8 bytes <0xCD> <0xB8>

        Assert.Equal(["▁", "<0xCD>", "<0xB8>"], ids.Select(tokenizer.TokenPiece));
        Assert.Equal("\u0378", tokenizer.Decode(ids));
    }

    [Fact]
    public void Encode_ManyThreadsAtOnce_GiveSameIds()
    {
        var tokenizer = VocabTestFiles.Tokenizer("llama-spm");
        var texts = VocabTestFiles.Texts("llama-spm");
        var expected = texts.Select(t => tokenizer.Encode(t)).ToArray();

        Parallel.For(0, texts.Count * 8, i => Assert.Equal(expected[i % texts.Count], tokenizer.Encode(texts[i % texts.Count])));
    }
}
