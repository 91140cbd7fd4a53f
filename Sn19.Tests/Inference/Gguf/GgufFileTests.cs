namespace Sn19.Tests.Inference.Gguf;

using Sn19.Inference.Gguf;

public sealed class GgufFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sn19-gguf-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData(12u, "Q4_K (12)")]
    [InlineData(2u, "Q4_0 (2)")]
    [InlineData(30u, "BF16 (30)")]
    [InlineData(99u, "unknown type (99)")]
    public void Open_UnsupportedTensorType_ThrowsNamingTypeAndTensor(uint type, string expected)
    {
        var bytes = new RawGgufBuilder().Header(3, 1, 0)
            .TensorInfo("blk.0.attn_q.weight", type, 0, 256, 2).PadTo(32).Bytes(4096).ToArray();

        var e = Assert.Throws<GgufFormatException>(() => Open(bytes));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.Contains("blk.0.attn_q.weight", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_EveryTruncation_ThrowsFormatException()
    {
        var writer = new GgufWriter();
        writer.AddMetadata("general.name", GgufValue.FromString("tiny"));
        writer.AddMetadata("tokens", GgufValue.FromStringArray(["a", "bc"]));
        writer.AddTensor("w", GgufTensorType.F32, [8, 2], new byte[64]);
        writer.AddTensor("q", GgufTensorType.Q8_0, [32], new byte[34]);
        using var stream = new MemoryStream();
        writer.WriteTo(stream);
        var full = stream.ToArray();
        var path = Write(full);
        long dataEnd;
        using (var file = GgufFile.Open(path))
        {
            var last = file.Tensors[^1];
            dataEnd = full.Length - (long)(file.Alignment - (ulong)last.ByteSize % file.Alignment) % (long)file.Alignment;
        }

        for (var length = 0; length < dataEnd; length++)
        {
            var e = Assert.Throws<GgufFormatException>(() => Open(full.AsSpan(0, length).ToArray()));
            Assert.False(string.IsNullOrWhiteSpace(e.Message));
        }
    }

    [Fact]
    public void Open_TensorPastEnd_SaysTruncatedAndNamesTensor()
    {
        var bytes = new RawGgufBuilder().Header(3, 1, 0).TensorInfo("output.weight", 0, 0, 16, 16).PadTo(32).Bytes(100).ToArray();

        var e = Assert.Throws<GgufFormatException>(() => Open(bytes));

        Assert.Contains("truncated", e.Message, StringComparison.Ordinal);
        Assert.Contains("output.weight", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1u)]
    [InlineData(4u)]
    public void Open_UnsupportedVersion_ThrowsNamingVersion(uint version)
    {
        var e = Assert.Throws<GgufFormatException>(() => Open(new RawGgufBuilder().Header(version, 0, 0).ToArray()));
        Assert.Contains($"version {version}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_BigEndianFile_SaysSo()
    {
        var e = Assert.Throws<GgufFormatException>(() => Open(new RawGgufBuilder().Header(0x0300_0000, 0, 0).ToArray()));
        Assert.Contains("big-endian", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_Version2_Reads()
    {
        using var file = Open(new RawGgufBuilder().Header(2, 0, 1).KeyUInt32("x", 5).ToArray());
        Assert.Equal(2u, file.Version);
        Assert.Equal(5u, file.GetUInt32("x"));
    }

    [Fact]
    public void Open_BadMagic_Throws()
    {
        var e = Assert.Throws<GgufFormatException>(() => Open(new RawGgufBuilder().Header(3, 0, 0, magic: 0x12345678).ToArray()));
        Assert.Contains("GGUF", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_MisalignedOffsetOrBadAlignmentOrDuplicateKey_Throws()
    {
        var misaligned = new RawGgufBuilder().Header(3, 1, 0).TensorInfo("t", 0, 4, 4).PadTo(32).Bytes(64).ToArray();
        Assert.Contains("alignment", Assert.Throws<GgufFormatException>(() => Open(misaligned)).Message, StringComparison.Ordinal);

        var badAlignment = new RawGgufBuilder().Header(3, 0, 1).KeyUInt32("general.alignment", 48).ToArray();
        Assert.Contains("power of two", Assert.Throws<GgufFormatException>(() => Open(badAlignment)).Message, StringComparison.Ordinal);

        var duplicate = new RawGgufBuilder().Header(3, 0, 2).KeyUInt32("k", 1).KeyUInt32("k", 2).ToArray();
        Assert.Contains("'k' appears twice", Assert.Throws<GgufFormatException>(() => Open(duplicate)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_LlamaVocabulary_ReadsTokenizerMetadata()
    {
        using var file = GgufFile.Open(TestPaths.Tokenizer("ggml-vocab-llama-spm.gguf"));

        Assert.Equal(3u, file.Version);
        Assert.Equal("llama", file.GetString("tokenizer.ggml.model"));
        Assert.Equal(32000, file.GetStringArray("tokenizer.ggml.tokens").Count);
        Assert.Equal(32000, file.GetFloat32Array("tokenizer.ggml.scores").Length);
        Assert.Equal(6, file.GetInt32Array("tokenizer.ggml.token_type")[3]);
        Assert.Equal("<s>", file.GetStringArray("tokenizer.ggml.tokens")[1]);
        Assert.Equal(1u, file.GetUInt32("tokenizer.ggml.bos_token_id"));
        Assert.True(file.GetBool("tokenizer.ggml.add_bos_token"));
        Assert.Empty(file.Tensors);
    }

    [Fact]
    public void Accessors_MissingKeyOrWrongType_ThrowNamingKey()
    {
        using var file = GgufFile.Open(TestPaths.Tokenizer("ggml-vocab-gpt-2.gguf"));

        var missing = Assert.Throws<GgufFormatException>(() => file.GetString("tokenizer.chat_template"));
        Assert.Contains("'tokenizer.chat_template'", missing.Message, StringComparison.Ordinal);
        var wrongType = Assert.Throws<GgufFormatException>(() => file.GetInt32("tokenizer.ggml.model"));
        Assert.Contains("'tokenizer.ggml.model'", wrongType.Message, StringComparison.Ordinal);
        Assert.False(file.TryGetString("tokenizer.chat_template", out _));
        Assert.True(file.TryGetUInt32("tokenizer.ggml.eos_token_id", out var eos));
        Assert.Equal(50256u, eos);
    }

    [Fact]
    public void GetTensorPointer_AfterDispose_Throws()
    {
        var writer = new GgufWriter();
        writer.AddTensor("w", GgufTensorType.F32, [1], new byte[4]);
        using var stream = new MemoryStream();
        writer.WriteTo(stream);
        var file = Open(stream.ToArray());
        var tensor = file.GetTensor("w");
        file.Dispose();

        Assert.Throws<ObjectDisposedException>(() => file.GetTensorBytes(tensor).Length);
    }

    private GgufFile Open(byte[] bytes) => GgufFile.Open(Write(bytes));

    private string Write(byte[] bytes)
    {
        var path = Path.Combine(_dir, Guid.NewGuid().ToString("N") + ".gguf");
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
