namespace Sn19.Inference.Llama;

using System.Runtime.InteropServices;
using Sn19.Inference.Gguf;
using Sn19.Inference.Kernels;

/// <summary>Tensors of a GGUF file, copied into the engine's own layout (Q8_0 repacked, see <see cref="WeightType"/>).</summary>
internal sealed class GgufTensorSource(GgufFile file) : ITensorSource
{
    public bool Contains(string name) => file.FindTensor(name) is not null;

    public WeightMatrix LoadMatrix(NativeArena arena, string name, int rows, int cols)
    {
        var info = Find(name);
        if (info.Dimensions.Count != 2 || info.Dimensions[0] != cols || info.Dimensions[1] != rows)
        {
            throw new InvalidDataException(
                $"Tensor '{name}' in '{file.Path}' has dimensions [{string.Join(", ", info.Dimensions)}]; expected [{cols}, {rows}].");
        }

        var bytes = file.GetTensorBytes(info);
        return info.Type switch
        {
            GgufTensorType.F32 => WeightFactory.FromFloatBytes(arena, rows, cols, bytes),
            GgufTensorType.F16 => WeightFactory.FromHalves(arena, rows, cols, bytes),
            GgufTensorType.Q8_0 => WeightFactory.FromGgufQ8(arena, rows, cols, bytes),
            _ => throw new InvalidDataException($"Tensor '{name}' has type {info.Type}, which the engine does not run."),
        };
    }

    public float[] LoadVector(string name, int length)
    {
        var info = Find(name);
        if (info.ElementCount != length)
        {
            throw new InvalidDataException($"Tensor '{name}' in '{file.Path}' has {info.ElementCount} values; expected {length}.");
        }

        var bytes = file.GetTensorBytes(info);
        return info.Type switch
        {
            GgufTensorType.F32 => MemoryMarshal.Cast<byte, float>(bytes).ToArray(),
            GgufTensorType.F16 => MemoryMarshal.Cast<byte, Half>(bytes).ToArray().Select(h => (float)h).ToArray(),
            _ => throw new InvalidDataException($"Vector tensor '{name}' has type {info.Type}; expected F32 or F16."),
        };
    }

    private GgufTensorInfo Find(string name) =>
        file.FindTensor(name) ?? throw new InvalidDataException($"'{file.Path}' has no tensor '{name}'.");
}
