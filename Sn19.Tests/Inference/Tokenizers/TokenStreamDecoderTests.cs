namespace Sn19.Tests.Inference.Tokenizers;

using System.Text;
using Sn19.Inference.Tokenizers;

public sealed class TokenStreamDecoderTests
{
    public static TheoryData<string, int> Cases => VocabTestFiles.Cases("llama-spm", "gpt-2");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Append_TestTextIdsOneByOne_ConcatenatesToTextWithoutReplacementCharacters(string vocab, int index)
    {
        var text = VocabTestFiles.Texts(vocab)[index];
        var decoder = VocabTestFiles.Tokenizer(vocab).CreateStreamDecoder(atTextStart: true);
        var streamed = new StringBuilder();
        foreach (var id in VocabTestFiles.ExpectedIds(vocab)[index])
        {
            var piece = decoder.Append(id);
            Assert.DoesNotContain('\uFFFD', piece);
            streamed.Append(piece);
        }

        Assert.Equal(string.Empty, decoder.Flush());
        Assert.Equal(text, streamed.ToString());
    }

    [Fact]
    public void Append_ByteFallbackEmoji_HoldsBytesUntilCharacterCompletes()
    {
        var tokenizer = VocabTestFiles.Tokenizer("llama-spm");
        var ids = tokenizer.Encode("🦙");
        Assert.Equal(["▁", "<0xF0>", "<0x9F>", "<0xA6>", "<0x99>"], ids.Select(tokenizer.TokenPiece));

        var decoder = tokenizer.CreateStreamDecoder();
        Assert.Equal([" ", string.Empty, string.Empty, string.Empty, "🦙"], ids.Select(decoder.Append));
    }

    [Fact]
    public void Append_ByteLevelMultiByteCharacters_HeldUntilComplete()
    {
        var tokenizer = VocabTestFiles.Tokenizer("gpt-2");
        var ids = tokenizer.Encode("ö🦙");
        var decoder = tokenizer.CreateStreamDecoder();

        var pieces = ids.Select(decoder.Append).ToArray();

        Assert.Equal("ö🦙", string.Concat(pieces));
        Assert.All(pieces, p => Assert.DoesNotContain('\uFFFD', p));
        Assert.Contains(string.Empty, pieces); // the emoji spans several byte-level tokens
    }

    [Fact]
    public void Flush_UnfinishedSequence_GivesReplacementCharacter()
    {
        var tokenizer = VocabTestFiles.Tokenizer("llama-spm");
        var decoder = tokenizer.CreateStreamDecoder();
        Assert.Equal(string.Empty, decoder.Append(Id(tokenizer, "<0xE2>")));
        Assert.Equal(string.Empty, decoder.Append(Id(tokenizer, "<0x82>")));
        Assert.Equal("\uFFFD", decoder.Flush());
        Assert.Equal(string.Empty, decoder.Flush());
    }

    [Fact]
    public void Append_BrokenSequence_GivesReplacementThenText()
    {
        var tokenizer = VocabTestFiles.Tokenizer("llama-spm");
        var decoder = tokenizer.CreateStreamDecoder();
        Assert.Equal(string.Empty, decoder.Append(Id(tokenizer, "<0xE2>")));
        Assert.Equal("\uFFFDA", decoder.Append(Id(tokenizer, "<0x41>")));
    }

    [Fact]
    public void CreateStreamDecoder_ContinuationKeepsSpaceTextStartDropsIt()
    {
        var tokenizer = VocabTestFiles.Tokenizer("llama-spm");
        var ids = tokenizer.Encode("Hello world");

        Assert.Equal(" Hello world", string.Concat(ids.Select(tokenizer.CreateStreamDecoder().Append)));
        Assert.Equal("Hello world", string.Concat(ids.Select(tokenizer.CreateStreamDecoder(atTextStart: true).Append)));
        Assert.Equal(
            "Hello world",
            string.Concat(new[] { tokenizer.BosId }.Concat(ids).Select(tokenizer.CreateStreamDecoder(atTextStart: true).Append)));
    }

    [Theory]
    [InlineData(new byte[] { 0x41 }, 0)]
    [InlineData(new byte[] { 0xC3 }, 1)]
    [InlineData(new byte[] { 0xC3, 0xB6 }, 0)]
    [InlineData(new byte[] { 0x41, 0xE2, 0x82 }, 2)]
    [InlineData(new byte[] { 0xE2, 0x82, 0xAC }, 0)]
    [InlineData(new byte[] { 0xF0, 0x9F, 0xA6 }, 3)]
    [InlineData(new byte[] { 0xF0, 0x9F, 0xA6, 0x99 }, 0)]
    [InlineData(new byte[] { 0x80 }, 0)]
    [InlineData(new byte[] { 0xFF }, 0)]
    public void IncompleteTail_Bytes_CountsOnlyAnUnfinishedSequence(byte[] bytes, int expected) =>
        Assert.Equal(expected, TokenStreamDecoder.IncompleteTail(bytes));

    private static int Id(ITokenizer tokenizer, string piece) =>
        Enumerable.Range(0, tokenizer.VocabularySize).First(i => tokenizer.TokenPiece(i) == piece);
}
