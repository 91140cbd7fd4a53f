namespace Sn19.Tests.Inference.Tokenizers;

public sealed class SpecialTokenTests
{
    [Fact]
    public void Encode_SentencePieceControlTokens_RecognisedOnlyWithParseSpecial()
    {
        var tokenizer = VocabTestFiles.Tokenizer("llama-spm");

        Assert.Equal([1, 15043, 2], tokenizer.Encode("<s>Hello</s>", parseSpecial: true));
        var literal = tokenizer.Encode("<s>Hello</s>");
        Assert.DoesNotContain(1, literal);
        Assert.DoesNotContain(2, literal);
        Assert.Equal("<s>Hello</s>", tokenizer.Decode(literal));
    }

    [Fact]
    public void Encode_TextAfterSpecialToken_GetsSpacePrefixAgain()
    {
        var tokenizer = VocabTestFiles.Tokenizer("llama-spm");
        Assert.Equal([15043, 2, 15043], tokenizer.Encode("Hello</s>Hello", parseSpecial: true));
    }

    [Fact]
    public void Encode_AddSpecial_FollowsVocabularyFlags()
    {
        var spm = VocabTestFiles.Tokenizer("llama-spm");
        Assert.True(spm.AddsBos);
        Assert.Equal([1, 15043], spm.Encode("Hello", addSpecial: true));

        var gpt2 = VocabTestFiles.Tokenizer("gpt-2");
        Assert.False(gpt2.AddsBos);
        Assert.Equal(gpt2.Encode("Hello"), gpt2.Encode("Hello", addSpecial: true));
    }

    [Fact]
    public void Encode_Gpt2EndOfText_ParsedAndEndsGeneration()
    {
        var tokenizer = VocabTestFiles.Tokenizer("gpt-2");

        var ids = tokenizer.Encode("Hi<|endoftext|>", parseSpecial: true);

        Assert.Equal(50256, ids[^1]);
        Assert.Contains(50256, tokenizer.EndOfGenerationIds);
        Assert.True(tokenizer.IsControl(50256));
        Assert.Equal("Hi", tokenizer.Decode(ids));
        Assert.Equal("Hi<|endoftext|>", tokenizer.Decode(ids, renderSpecial: true));
    }

    [Fact]
    public void Decode_SentencePieceWithBos_DropsControlAndSpacePrefix()
    {
        var tokenizer = VocabTestFiles.Tokenizer("llama-spm");

        Assert.Equal("Hello world", tokenizer.Decode([1, 15043, 3186, 2]));
        Assert.Equal("<s>Hello world</s>", tokenizer.Decode([1, 15043, 3186, 2], renderSpecial: true));
        Assert.Equal([2], tokenizer.EndOfGenerationIds);
    }

    [Fact]
    public void TokenPiece_ReturnsRawVocabularyText()
    {
        var spm = VocabTestFiles.Tokenizer("llama-spm");
        Assert.Equal("▁Hello", spm.TokenPiece(15043));
        Assert.Equal("<0x0A>", spm.TokenPiece(13));
        Assert.Equal("llama", spm.Model);
        Assert.Equal(32000, spm.VocabularySize);

        var gpt2 = VocabTestFiles.Tokenizer("gpt-2");
        Assert.Equal("Ġworld", gpt2.TokenPiece(995));
        Assert.Equal("gpt2", gpt2.Model);
        Assert.Throws<ArgumentOutOfRangeException>(() => gpt2.TokenPiece(50257));
        Assert.Throws<ArgumentOutOfRangeException>(() => gpt2.Decode([-1]));
    }
}
