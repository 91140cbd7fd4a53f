namespace Sn19.Inference.TestModels;

using System.Globalization;
using System.Runtime.InteropServices;
using Sn19.Inference.Gguf;
using Sn19.Inference.Kernels;
using Sn19.Inference.Llama;

/// <summary>
/// Writes a random-weight Llama GGUF (llama.cpp tensor names and metadata) that carries the tokenizer
/// (every <c>tokenizer.*</c> key) of a vocabulary GGUF, so the engine and llama.cpp both load it.
/// </summary>
public static class TestModelWriter
{
    /// <summary>Writes the model to <paramref name="outputPath"/>; returns its parameter count. With
    /// <paramref name="relativeNoise"/> above 0 the weights of seed <paramref name="seed"/> carry noise of that size
    /// (relative to each matrix's spread), for testing how near a substitute the check tells apart.</summary>
    public static long Write(TestModelShape shape, string vocabularyPath, WeightType type, ulong seed, string outputPath, double relativeNoise = 0)
    {
        if (type == WeightType.F16)
        {
            throw new ArgumentException("Test models are written as F32 or Q8_0.", nameof(type));
        }

        using var vocabulary = GgufFile.Open(vocabularyPath);
        var vocabSize = vocabulary.GetStringArray("tokenizer.ggml.tokens").Count;
        var config = TestModelFactory.Config(shape, vocabSize);
        var tied = TestModelFactory.TiedOutput(shape);
        var tensors = TestModelFactory.Generate(config, tied, seed);
        if (relativeNoise > 0)
        {
            TestModelFactory.AddNoise(tensors, relativeNoise, seed ^ 0x9E3779B97F4A7C15UL);
        }

        var writer = new GgufWriter();
        writer.AddMetadata("general.architecture", GgufValue.FromString("llama"));
        writer.AddMetadata("general.name", GgufValue.FromString(string.Create(
            CultureInfo.InvariantCulture, $"sn19-test-{shape.ToString().ToLowerInvariant()}-{type.ToString().ToLowerInvariant()}-seed{seed}{(relativeNoise > 0 ? $"-noise{relativeNoise}" : "")}")));
        writer.AddMetadata("general.file_type", GgufValue.FromUInt32(type == WeightType.Q8_0 ? 7u : 0u));
        writer.AddMetadata("llama.context_length", GgufValue.FromUInt32((uint)config.ContextLength));
        writer.AddMetadata("llama.embedding_length", GgufValue.FromUInt32((uint)config.Dim));
        writer.AddMetadata("llama.block_count", GgufValue.FromUInt32((uint)config.Layers));
        writer.AddMetadata("llama.feed_forward_length", GgufValue.FromUInt32((uint)config.HiddenDim));
        writer.AddMetadata("llama.rope.dimension_count", GgufValue.FromUInt32((uint)config.HeadDim));
        writer.AddMetadata("llama.attention.head_count", GgufValue.FromUInt32((uint)config.Heads));
        writer.AddMetadata("llama.attention.head_count_kv", GgufValue.FromUInt32((uint)config.KvHeads));
        writer.AddMetadata("llama.attention.layer_norm_rms_epsilon", GgufValue.FromFloat32(config.RmsEpsilon));
        writer.AddMetadata("llama.rope.freq_base", GgufValue.FromFloat32(config.RopeFreqBase));
        writer.AddMetadata("llama.vocab_size", GgufValue.FromUInt32((uint)vocabSize));
        foreach (var (key, value) in vocabulary.Metadata.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (key.StartsWith("tokenizer.", StringComparison.Ordinal))
            {
                writer.AddMetadata(key, value);
            }
        }

        using var arena = new NativeArena();
        long parameters = 0;
        foreach (var (name, values) in tensors)
        {
            parameters += values.Length;
            if (name.EndsWith("norm.weight", StringComparison.Ordinal))
            {
                writer.AddTensor(name, GgufTensorType.F32, [values.Length], MemoryMarshal.AsBytes(values.AsSpan()));
                continue;
            }

            var cols = config.Dim;
            if (name.EndsWith("ffn_down.weight", StringComparison.Ordinal))
            {
                cols = config.HiddenDim;
            }

            var rows = values.Length / cols;
            if (type == WeightType.Q8_0)
            {
                var matrix = WeightFactory.FromFloats(arena, rows, cols, values, WeightType.Q8_0);
                writer.AddTensor(name, GgufTensorType.Q8_0, [cols, rows], new ReadOnlyMemory<byte>(WeightFactory.ToGgufQ8(matrix)));
            }
            else
            {
                writer.AddTensor(name, GgufTensorType.F32, [cols, rows], MemoryMarshal.AsBytes(values.AsSpan()));
            }
        }

        writer.WriteTo(outputPath);
        return parameters;
    }
}
