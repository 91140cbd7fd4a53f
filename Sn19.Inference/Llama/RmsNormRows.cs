namespace Sn19.Inference.Llama;

using System.Numerics.Tensors;
using Sn19.Inference.Kernels;

/// <summary>output[t] = input[t] / rms(input[t]) · weight, per token row (llama.cpp's RMSNorm, ε from the model).</summary>
internal sealed unsafe class RmsNormRows(int dim, float epsilon) : IRowOperation
{
    private float* _output;
    private float* _input;
    private float* _weight;

    public void Set(float* output, float* input, float* weight)
    {
        _output = output;
        _input = input;
        _weight = weight;
    }

    public void Rows(int start, int end, int worker)
    {
        var w = new ReadOnlySpan<float>(_weight, dim);
        for (var t = start; t < end; t++)
        {
            var x = new ReadOnlySpan<float>(_input + ((long)t * dim), dim);
            var o = new Span<float>(_output + ((long)t * dim), dim);
            var scale = 1f / MathF.Sqrt((TensorPrimitives.SumOfSquares(x) / dim) + epsilon);
            TensorPrimitives.Multiply(x, scale, o);
            TensorPrimitives.Multiply(o, w, o);
        }
    }
}
