namespace Sn19.Tests.Inference.Gguf;

using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Sn19.Inference.Gguf;
using Sn19.Tests.TestSupport;

public sealed class GgufWriterTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sn19-gguf-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void WriteTo_EveryValueType_ReadsBackEqual()
    {
        var writer = new GgufWriter();
        writer.AddMetadata("u8", GgufValue.FromUInt8(250));
        writer.AddMetadata("i8", GgufValue.FromInt8(-7));
        writer.AddMetadata("u16", GgufValue.FromUInt16(65000));
        writer.AddMetadata("i16", GgufValue.FromInt16(-32000));
        writer.AddMetadata("u32", GgufValue.FromUInt32(4_000_000_000));
        writer.AddMetadata("i32", GgufValue.FromInt32(-2_000_000_000));
        writer.AddMetadata("u64", GgufValue.FromUInt64(ulong.MaxValue));
        writer.AddMetadata("i64", GgufValue.FromInt64(long.MinValue));
        writer.AddMetadata("f32", GgufValue.FromFloat32(1e-5f));
        writer.AddMetadata("f64", GgufValue.FromFloat64(Math.PI));
        writer.AddMetadata("yes", GgufValue.FromBool(true));
        writer.AddMetadata("no", GgufValue.FromBool(false));
        writer.AddMetadata("text", GgufValue.FromString("héllo ▁wörld 🦙"));
        writer.AddMetadata("empty", GgufValue.FromString(string.Empty));
        writer.AddMetadata("a.u8", GgufValue.FromArray(GgufValueType.UInt8, new byte[] { 0, 1, 255 }));
        writer.AddMetadata("a.i8", GgufValue.FromArray(GgufValueType.Int8, new sbyte[] { -128, 127 }));
        writer.AddMetadata("a.u16", GgufValue.FromArray(GgufValueType.UInt16, new ushort[] { 1, 65535 }));
        writer.AddMetadata("a.i16", GgufValue.FromArray(GgufValueType.Int16, new short[] { -1, 2 }));
        writer.AddMetadata("a.u32", GgufValue.FromArray(GgufValueType.UInt32, new uint[] { 7, uint.MaxValue }));
        writer.AddMetadata("a.i32", GgufValue.FromInt32Array([3, -4, 5]));
        writer.AddMetadata("a.u64", GgufValue.FromArray(GgufValueType.UInt64, new ulong[] { ulong.MaxValue }));
        writer.AddMetadata("a.i64", GgufValue.FromArray(GgufValueType.Int64, new long[] { -9, 9 }));
        writer.AddMetadata("a.f32", GgufValue.FromFloat32Array([0.5f, -0f, float.NegativeInfinity]));
        writer.AddMetadata("a.f64", GgufValue.FromArray(GgufValueType.Float64, new[] { 1e300, -2.5 }));
        writer.AddMetadata("a.bool", GgufValue.FromArray(GgufValueType.Bool, new[] { true, false, true }));
        writer.AddMetadata("a.str", GgufValue.FromStringArray(["<s>", string.Empty, "▁the", "Ġ"]));
        writer.AddMetadata("a.empty", GgufValue.FromStringArray([]));
        var path = Path.Combine(_dir, "values.gguf");
        writer.WriteTo(path);

        using var file = GgufFile.Open(path);
        Assert.Equal(3u, file.Version);
        Assert.Equal(32ul, file.Alignment);
        Assert.Equal(27, file.Metadata.Count);
        Assert.Equal(GgufValueType.UInt8, file.GetValue("u8").Type);
        Assert.Equal(250u, file.GetUInt32("u8"));
        Assert.Equal(-7, file.GetInt32("i8"));
        Assert.Equal(65000, file.GetInt32("u16"));
        Assert.Equal(-32000, file.GetInt32("i16"));
        Assert.Equal(4_000_000_000u, file.GetUInt32("u32"));
        Assert.Equal(-2_000_000_000, file.GetInt32("i32"));
        Assert.Equal(ulong.MaxValue, file.GetUInt64("u64"));
        Assert.Equal(long.MinValue, file.GetValue("i64").AsInt64());
        Assert.Equal(1e-5f, file.GetFloat32("f32"));
        Assert.Equal(Math.PI, file.GetValue("f64").AsFloat64());
        Assert.True(file.GetBool("yes"));
        Assert.False(file.GetBool("no"));
        Assert.Equal("héllo ▁wörld 🦙", file.GetString("text"));
        Assert.Equal(string.Empty, file.GetString("empty"));
        Assert.Equal(new byte[] { 0, 1, 255 }, file.GetValue("a.u8").AsArray<byte>());
        Assert.Equal(new sbyte[] { -128, 127 }, file.GetValue("a.i8").AsArray<sbyte>());
        Assert.Equal(new ushort[] { 1, 65535 }, file.GetValue("a.u16").AsArray<ushort>());
        Assert.Equal(new short[] { -1, 2 }, file.GetValue("a.i16").AsArray<short>());
        Assert.Equal(new uint[] { 7, uint.MaxValue }, file.GetValue("a.u32").AsArray<uint>());
        Assert.Equal(new[] { 3, -4, 5 }, file.GetInt32Array("a.i32"));
        Assert.Equal(new ulong[] { ulong.MaxValue }, file.GetValue("a.u64").AsArray<ulong>());
        Assert.Equal(new long[] { -9, 9 }, file.GetValue("a.i64").AsArray<long>());
        Assert.Equal(new[] { 0.5f, -0f, float.NegativeInfinity }, file.GetFloat32Array("a.f32"));
        Assert.Equal(new[] { 1e300, -2.5 }, file.GetValue("a.f64").AsArray<double>());
        Assert.Equal(new[] { true, false, true }, file.GetValue("a.bool").AsArray<bool>());
        Assert.Equal(new[] { "<s>", string.Empty, "▁the", "Ġ" }, file.GetStringArray("a.str"));
        Assert.Equal(GgufValueType.String, file.GetValue("a.empty").ElementType);
        Assert.Equal(0, file.GetValue("a.empty").ArrayLength);
        Assert.Empty(file.Tensors);
    }

    [Theory]
    [InlineData(32u)]
    [InlineData(64u)]
    [InlineData(256u)]
    public void WriteTo_F32F16Q80Tensors_ReadBackAlignedAndEqual(uint alignment)
    {
        var f32 = Enumerable.Range(0, 3 * 5).Select(i => i * 0.25f - 1f).ToArray();
        var f16 = Enumerable.Range(0, 7).Select(i => (Half)(i * 1.5f)).ToArray();
        var q8Source = Enumerable.Range(0, 64 * 2).Select(i => MathF.Sin(i)).ToArray();
        var q8 = new byte[Q8Quantization.ByteCount(q8Source.Length)];
        Q8Quantization.Quantize(q8Source, q8);

        var writer = new GgufWriter();
        writer.AddMetadata("general.alignment", GgufValue.FromUInt32(alignment));
        writer.AddMetadata("general.architecture", GgufValue.FromString("llama"));
        writer.AddTensor("a.f32", GgufTensorType.F32, [5, 3], MemoryMarshal.AsBytes(f32.AsSpan()));
        writer.AddTensor("b.f16", GgufTensorType.F16, [7], MemoryMarshal.AsBytes(f16.AsSpan()));
        writer.AddTensor("c.q8", GgufTensorType.Q8_0, [64, 2], q8);
        var path = Path.Combine(_dir, $"tensors-{alignment}.gguf");
        writer.WriteTo(path);

        using var file = GgufFile.Open(path);
        Assert.Equal(alignment, file.Alignment);
        Assert.Equal(["a.f32", "b.f16", "c.q8"], file.Tensors.Select(t => t.Name));

        var a = file.GetTensor("a.f32");
        Assert.Equal(GgufTensorType.F32, a.Type);
        Assert.Equal([5L, 3L], a.Dimensions);
        Assert.Equal(15, a.ElementCount);
        Assert.Equal(60, a.ByteSize);
        Assert.Equal(f32, MemoryMarshal.Cast<byte, float>(file.GetTensorBytes(a)).ToArray());

        var b = file.GetTensor("b.f16");
        Assert.Equal(14, b.ByteSize);
        Assert.Equal(f16, MemoryMarshal.Cast<byte, Half>(file.GetTensorBytes(b)).ToArray());

        var c = file.GetTensor("c.q8");
        Assert.Equal(GgufTensorType.Q8_0, c.Type);
        Assert.Equal(128, c.ElementCount);
        Assert.Equal(4 * 34, c.ByteSize);
        Assert.Equal(q8, file.GetTensorBytes(c).ToArray());

        // Offsets are contiguous modulo padding (llama.cpp's reader requires it) and aligned within the file.
        var expectedOffset = 0ul;
        var bytes = File.ReadAllBytes(path);
        foreach (var tensor in file.Tensors)
        {
            Assert.Equal(expectedOffset, tensor.Offset);
            expectedOffset += ((ulong)tensor.ByteSize + alignment - 1) / alignment * alignment;
        }

        Assert.Equal(0, (bytes.Length - (long)expectedOffset) % alignment);
        Assert.Equal(0, bytes.Length % alignment);
        Assert.Null(file.FindTensor("missing"));
    }

    [Fact]
    public void WriteTo_VocabularyMetadata_IsByteIdenticalToLlamaCppFile()
    {
        // ggml-vocab-llama-spm.gguf was written by llama.cpp's tools and holds no tensors. Re-writing its metadata in
        // the same order must give the same bytes, followed only by the zero padding ggml's writer adds.
        var original = File.ReadAllBytes(TestPaths.Tokenizer("ggml-vocab-llama-spm.gguf"));
        using var file = GgufFile.Open(TestPaths.Tokenizer("ggml-vocab-llama-spm.gguf"));
        var writer = new GgufWriter();
        foreach (var (key, value) in ReadInFileOrder(original, file))
        {
            writer.AddMetadata(key, value);
        }

        using var stream = new MemoryStream();
        writer.WriteTo(stream);
        var written = stream.ToArray();

        Assert.Equal(original, written.AsSpan(0, original.Length).ToArray());
        Assert.All(written.Skip(original.Length), b => Assert.Equal(0, b));
        Assert.True(written.Length - original.Length < 32);
    }

    [Fact]
    public void AddTensor_WrongByteCount_ThrowsNamingTensor()
    {
        var writer = new GgufWriter();
        var e = Assert.Throws<ArgumentException>(() => writer.AddTensor("w", GgufTensorType.F32, [4], new byte[15]));
        Assert.Contains("'w'", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => writer.AddTensor("q", GgufTensorType.Q8_0, [31], new byte[34]));
    }

    [Fact]
    public void AddMetadata_DuplicateKeyOrBadAlignment_Throws()
    {
        var writer = new GgufWriter();
        writer.AddMetadata("k", GgufValue.FromInt32(1));
        Assert.Throws<ArgumentException>(() => writer.AddMetadata("k", GgufValue.FromInt32(2)));
        Assert.Throws<ArgumentException>(() => writer.AddMetadata("general.alignment", GgufValue.FromUInt32(48)));
        Assert.Throws<ArgumentException>(() => writer.AddMetadata("general.alignment", GgufValue.FromInt32(64)));
    }

    // The metadata keys in the order they appear in the file (the dictionary does not keep order).
    private static IEnumerable<KeyValuePair<string, GgufValue>> ReadInFileOrder(byte[] bytes, GgufFile file)
    {
        var keys = file.Metadata.Keys
            .Select(k => (Key: k, At: IndexOf(bytes, k)))
            .OrderBy(p => p.At)
            .Select(p => p.Key);
        return keys.Select(k => new KeyValuePair<string, GgufValue>(k, file.Metadata[k]));
    }

    private static int IndexOf(byte[] bytes, string key)
    {
        var encoded = System.Text.Encoding.UTF8.GetBytes(key);
        var prefixed = new byte[8 + encoded.Length];
        BinaryPrimitives.WriteUInt64LittleEndian(prefixed, (ulong)encoded.Length);
        encoded.CopyTo(prefixed, 8);
        return bytes.AsSpan().IndexOf(prefixed);
    }
}
