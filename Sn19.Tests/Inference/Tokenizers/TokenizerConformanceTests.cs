namespace Sn19.Tests.Inference.Tokenizers;

/// <summary>Issue 4, must-show 1: every llama.cpp test text encodes to exactly its expected ids and decodes back.</summary>
public sealed class TokenizerConformanceTests
{
    public static TheoryData<string, int> Cases => VocabTestFiles.Cases("llama-spm", "gpt-2");

    [Fact]
    public void TestFiles_HaveOneExpectedLinePerText()
    {
        foreach (var vocab in new[] { "llama-spm", "gpt-2" })
        {
            Assert.Equal(46, VocabTestFiles.Texts(vocab).Count);
            Assert.Equal(46, VocabTestFiles.ExpectedIds(vocab).Count);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Encode_TestText_GivesLlamaCppIds(string vocab, int index)
    {
        var text = VocabTestFiles.Texts(vocab)[index];
        var expected = VocabTestFiles.ExpectedIds(vocab)[index];

        var ids = VocabTestFiles.Tokenizer(vocab).Encode(text);

        Assert.Equal(expected, ids);
    }

    [Fact]
    public void Encode_EveryTextTwice_SameIdsFromWordCache()
    {
        foreach (var vocab in new[] { "llama-spm", "gpt-2" })
        {
            var tokenizer = VocabTestFiles.Tokenizer(vocab);
            var texts = VocabTestFiles.Texts(vocab);
            var expected = VocabTestFiles.ExpectedIds(vocab);
            for (var round = 0; round < 2; round++)
            {
                for (var i = 0; i < texts.Count; i++)
                {
                    Assert.Equal(expected[i], tokenizer.Encode(texts[i]));
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decode_ExpectedIds_GivesTextBack(string vocab, int index)
    {
        var text = VocabTestFiles.Texts(vocab)[index];
        var ids = VocabTestFiles.ExpectedIds(vocab)[index];

        Assert.Equal(text, VocabTestFiles.Tokenizer(vocab).Decode(ids));
    }
}
