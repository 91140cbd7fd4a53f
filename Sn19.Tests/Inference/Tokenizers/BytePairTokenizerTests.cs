namespace Sn19.Tests.Inference.Tokenizers;

using Sn19.Inference.Gguf;
using Sn19.Inference.Tokenizers;

public sealed class BytePairTokenizerTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sn19-bpe-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("gpt-2", new[] { "a", "bc" })]
    [InlineData("llama-bpe", new[] { "abc" })] // Llama 3 emits a word that is itself a token before merging
    public void Encode_WordThatIsAToken_MergesOrIsWholeByPreTokenizer(string pre, string[] expected)
    {
        using var file = TinyVocabulary(pre);
        var tokenizer = TokenizerFactory.FromGguf(file);

        var ids = tokenizer.Encode("abc");

        Assert.Equal(expected, ids.Select(tokenizer.TokenPiece));
        Assert.Equal("abc", tokenizer.Decode(ids));
    }

    [Fact]
    public void Encode_MergesApplyLowestRankFirst()
    {
        using var file = TinyVocabulary("gpt-2");
        var tokenizer = TokenizerFactory.FromGguf(file);

        // "b c" (rank 0) beats "a b" (rank 1): abcab → a|bc|ab.
        Assert.Equal(["a", "bc", "ab"], tokenizer.Encode("abcab").Select(tokenizer.TokenPiece));
    }

    [Fact]
    public void FromGguf_UnsupportedPreTokenizerOrModel_ThrowsNamingIt()
    {
        using (var file = TinyVocabulary("tekken"))
        {
            var e = Assert.Throws<GgufFormatException>(() => TokenizerFactory.FromGguf(file));
            Assert.Contains("'tekken'", e.Message, StringComparison.Ordinal);
        }

        using var bert = GgufFile.Open(Sn19.Tests.Inference.Gguf.TestPaths.Tokenizer("ggml-vocab-bert-bge.gguf"));
        Assert.Contains("'bert'", Assert.Throws<GgufFormatException>(() => TokenizerFactory.FromGguf(bert)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Encode_DefaultPreTokenizerOnGpt2Vocabulary_RoundTrips()
    {
        using var original = GgufFile.Open(Sn19.Tests.Inference.Gguf.TestPaths.Tokenizer("ggml-vocab-gpt-2.gguf"));
        var writer = new GgufWriter();
        foreach (var (key, value) in original.Metadata)
        {
            writer.AddMetadata(key, key == "tokenizer.ggml.pre" ? GgufValue.FromString("default") : value);
        }

        var path = Path.Combine(_dir, "gpt2-default.gguf");
        writer.WriteTo(path);
        using var file = GgufFile.Open(path);
        var tokenizer = TokenizerFactory.FromGguf(file);

        Assert.Equal([15496, 995], tokenizer.Encode("Hello world"));
        foreach (var text in VocabTestFiles.Texts("gpt-2"))
        {
            Assert.Equal(text, tokenizer.Decode(tokenizer.Encode(text)));
        }
    }

    // Byte-level single characters for a, b, c and space, plus merges "b c" (rank 0) and "a b" (rank 1), and "abc".
    private GgufFile TinyVocabulary(string pre)
    {
        var writer = new GgufWriter();
        writer.AddMetadata("tokenizer.ggml.model", GgufValue.FromString("gpt2"));
        writer.AddMetadata("tokenizer.ggml.pre", GgufValue.FromString(pre));
        writer.AddMetadata("tokenizer.ggml.tokens", GgufValue.FromStringArray(["a", "b", "c", "Ġ", "bc", "ab", "abc", "<|end|>"]));
        writer.AddMetadata("tokenizer.ggml.token_type", GgufValue.FromInt32Array([1, 1, 1, 1, 1, 1, 1, 3]));
        writer.AddMetadata("tokenizer.ggml.merges", GgufValue.FromStringArray(["b c", "a b"]));
        writer.AddMetadata("tokenizer.ggml.eos_token_id", GgufValue.FromUInt32(7));
        var path = Path.Combine(_dir, $"tiny-{pre}.gguf");
        writer.WriteTo(path);
        return GgufFile.Open(path);
    }
}
