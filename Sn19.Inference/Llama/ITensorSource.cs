namespace Sn19.Inference.Llama;

using Sn19.Inference.Kernels;

/// <summary>Where <see cref="LlamaWeightsBuilder"/> gets tensors by their llama.cpp names.</summary>
internal interface ITensorSource
{
    bool Contains(string name);

    /// <summary>The matrix <paramref name="name"/> of <paramref name="rows"/> × <paramref name="cols"/>
    /// (GGUF dims [cols, rows]); throws <see cref="InvalidDataException"/> naming it when absent or misshapen.</summary>
    WeightMatrix LoadMatrix(NativeArena arena, string name, int rows, int cols);

    /// <summary>The F32 vector <paramref name="name"/> of <paramref name="length"/> values.</summary>
    float[] LoadVector(string name, int length);
}
