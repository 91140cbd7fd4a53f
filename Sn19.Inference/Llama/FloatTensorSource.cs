namespace Sn19.Inference.Llama;

using Sn19.Inference.Kernels;

/// <summary>Tensors held as float arrays (generated test weights); matrices are stored as <see cref="MatrixType"/>.</summary>
internal sealed class FloatTensorSource(IReadOnlyDictionary<string, float[]> tensors, WeightType matrixType) : ITensorSource
{
    public WeightType MatrixType => matrixType;

    public bool Contains(string name) => tensors.ContainsKey(name);

    public WeightMatrix LoadMatrix(NativeArena arena, string name, int rows, int cols) =>
        WeightFactory.FromFloats(arena, rows, cols, Get(name, (long)rows * cols), matrixType);

    public float[] LoadVector(string name, int length) => Get(name, length);

    private float[] Get(string name, long length)
    {
        if (!tensors.TryGetValue(name, out var values))
        {
            throw new InvalidDataException($"Tensor '{name}' is missing.");
        }

        if (values.Length != length)
        {
            throw new InvalidDataException($"Tensor '{name}' has {values.Length} values; expected {length}.");
        }

        return values;
    }
}
