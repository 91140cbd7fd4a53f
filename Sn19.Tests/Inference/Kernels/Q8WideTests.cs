namespace Sn19.Tests.Inference.Kernels;

using Sn19.Inference.Kernels;

/// <summary>
/// The 512-bit Q8_0 kernels: a decode row, a tile cell and a single cell must give the same bits (so
/// scoring reproduces generation), and each must equal the exact integer block sums scaled in double.
/// </summary>
public sealed unsafe class Q8WideTests
{
    [Theory]
    [InlineData(32)]
    [InlineData(96)]
    [InlineData(288)]
    [InlineData(768)]
    [InlineData(1056)]
    public void RowsTileAndDot_AgreeToTheBitAndMatchExactBlockSums(int k)
    {
        if (!Q8Wide.IsSupported)
        {
            // xunit 2 cannot skip at run time; without AVX-512BW the engine never calls these kernels.
            return;
        }

        const int rows = 4;
        const int tokens = 4;
        var random = new Random(k);
        using var arena = new NativeArena();
        var weights = Enumerable.Range(0, rows * k).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
        var input = Enumerable.Range(0, tokens * k).Select(_ => (float)((random.NextDouble() - 0.5) * 4)).ToArray();
        var w = WeightFactory.FromFloats(arena, rows, k, weights, WeightType.Q8_0);
        var q = new Q8Activations(arena, tokens, k);
        fixed (float* x = input)
        {
            q.Quantize(x, tokens, k);
        }

        var tile = new float[tokens * rows];
        var decode = new float[rows];
        fixed (float* pt = tile, pd = decode)
        {
            Q8Wide.Tile(q.Magnitudes(0), q.Signs(0), q.ScaleLanes(0), q.Stride, w.Quants, w.Scales, k, pt, rows);
            for (var t = 0; t < tokens; t++)
            {
                Q8Wide.Rows(q.Magnitudes(t), q.Signs(t), q.ScaleLanes(t), w.Quants, w.Scales, k, pd);
                for (var r = 0; r < rows; r++)
                {
                    var single = Q8Wide.Dot(q.Magnitudes(t), q.Signs(t), q.ScaleLanes(t), w.Quants + (r * k), w.Scales + (r * k / 32), k);
                    Assert.Equal(BitConverter.SingleToInt32Bits(single), BitConverter.SingleToInt32Bits(decode[r]));
                    Assert.Equal(BitConverter.SingleToInt32Bits(single), BitConverter.SingleToInt32Bits(tile[(t * rows) + r]));
                    var exact = ExactBlockSums(w.Quants + (r * k), w.Scales + (r * k / 32), q.Quants(t), q.Scales(t), k);
                    Assert.Equal(exact, single, Math.Abs(exact) * 1e-5 + 1e-5);
                }
            }
        }
    }

    private static double ExactBlockSums(sbyte* wq, float* ws, sbyte* xq, float* xs, int k)
    {
        var sum = 0.0;
        for (var b = 0; b < k / 32; b++)
        {
            long dot = 0;
            for (var i = 0; i < 32; i++)
            {
                dot += wq[(b * 32) + i] * xq[(b * 32) + i];
            }

            sum += (double)ws[b] * xs[b] * dot;
        }

        return sum;
    }
}
