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
            Q8Wide.Tile(q.Magnitudes(0), q.Signs(0), q.ScaleLanes(0), q.Stride, w.Quants, w.ScaleSteps, w.RowUnits, k, pt, rows);
            for (var t = 0; t < tokens; t++)
            {
                Q8Wide.Rows(q.Magnitudes(t), q.Signs(t), q.ScaleLanes(t), w.Quants, w.ScaleSteps, w.RowUnits, k, pd);
                for (var r = 0; r < rows; r++)
                {
                    var single = Q8Wide.Dot(q.Magnitudes(t), q.Signs(t), q.ScaleLanes(t), w.BlockQuants(r, 0), w.ScaleSteps + (r * k / 32), w.RowUnits[r], k);
                    Assert.Equal(BitConverter.SingleToInt32Bits(single), BitConverter.SingleToInt32Bits(decode[r]));
                    Assert.Equal(BitConverter.SingleToInt32Bits(single), BitConverter.SingleToInt32Bits(tile[(t * rows) + r]));
                    var exact = ExactBlockSums(w, r, q.Quants(t), q.Scales(t), k);
                    Assert.Equal(exact, single, Math.Abs(exact) * 1e-5 + 1e-5);
                }
            }
        }
    }

    [Fact]
    public void Dot_ScalesSpreadFarBelowTheRowsLargest_StaysWithinHalfAUnitPerBlock()
    {
        if (!Q8Wide.IsSupported)
        {
            return;
        }

        const int k = 768;
        var random = new Random(11);
        using var arena = new NativeArena();
        // Every third block 3,000× smaller: its scale is no longer a whole number of the row's units.
        var weights = Enumerable.Range(0, k).Select(i => (float)(random.NextDouble() - 0.5) * (i / 32 % 3 == 0 ? 1f / 3000 : 1f)).ToArray();
        var input = Enumerable.Range(0, k).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
        var w = WeightFactory.FromFloats(arena, 1, k, weights, WeightType.Q8_0);
        var q = new Q8Activations(arena, 1, k);
        fixed (float* x = input)
        {
            q.Quantize(x, 1, k);
        }

        var result = Q8Wide.Dot(q.Magnitudes(0), q.Signs(0), q.ScaleLanes(0), w.Quants, w.ScaleSteps, w.RowUnits[0], k);
        var exact = ExactBlockSums(w, 0, q.Quants(0), q.Scales(0), k);
        var bound = 0.0;
        for (var b = 0; b < k / 32; b++)
        {
            long dot = 0;
            for (var i = 0; i < 32; i++)
            {
                dot += w.BlockQuants(0, b)[i] * q.Quants(0)[(b * 32) + i];
            }

            bound += w.RowUnits[0] / 2.0 * q.Scales(0)[b] * Math.Abs(dot);
        }

        Assert.Contains(Enumerable.Range(0, k / 32), b => w.ScaleSteps[b] * w.RowUnits[0] != w.Scales[b]);
        Assert.InRange(Math.Abs(result - exact), 0, bound + (Math.Abs(exact) * 1e-5));
    }

    private static double ExactBlockSums(WeightMatrix w, int row, sbyte* xq, float* xs, int k)
    {
        var sum = 0.0;
        for (var b = 0; b < k / 32; b++)
        {
            var wq = w.BlockQuants(row, b);
            long dot = 0;
            for (var i = 0; i < 32; i++)
            {
                dot += wq[i] * xq[(b * 32) + i];
            }

            sum += (double)w.Scales[(row * k / 32) + b] * xs[b] * dot;
        }

        return sum;
    }
}
