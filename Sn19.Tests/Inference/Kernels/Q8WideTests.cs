namespace Sn19.Tests.Inference.Kernels;

using Sn19.Inference.Kernels;

/// <summary>
/// The 512-bit Q8_0 kernels: a decode call and a tile must give each cell the same bits (so scoring
/// reproduces generation), and each must equal the exact integer block sums scaled in double.
/// </summary>
public sealed unsafe class Q8WideTests
{
    [Theory]
    [InlineData(32)]
    [InlineData(96)]
    [InlineData(288)]
    [InlineData(768)]
    [InlineData(1056)]
    public void RowsAndTile_AgreeToTheBitAndMatchExactBlockSums(int k)
    {
        if (!Q8Wide.IsSupported)
        {
            // xunit 2 cannot skip at run time; without AVX-512BW the engine never calls these kernels.
            return;
        }

        const int rows = Q8RowGroups.Rows;
        const int tokens = 4;
        using var arena = new NativeArena();
        var (w, q) = Random(arena, rows, tokens, k, seed: k);
        var tile = new float[tokens * rows];
        var decode = new float[rows];
        fixed (float* pt = tile, pd = decode)
        {
            Q8Wide.Tile(q.Magnitudes(0), q.Signs(0), q.Stride, q.Scales(0), k / 32, w.Quants, w.ScaleSteps, w.RowUnits, k, pt, rows, fromMemory: true);
            for (var t = 0; t < tokens; t++)
            {
                Q8Wide.Rows(q.Magnitudes(t), q.Signs(t), q.Scales(t), w.Quants, w.ScaleSteps, w.RowUnits, k, pd);
                for (var r = 0; r < rows; r++)
                {
                    Assert.Equal(BitConverter.SingleToInt32Bits(decode[r]), BitConverter.SingleToInt32Bits(tile[(t * rows) + r]));
                    var exact = ExactBlockSums(w, r, q.Quants(t), q.Scales(t), k);
                    Assert.Equal(exact, decode[r], (Math.Abs(exact) * 1e-5) + 1e-5);
                }
            }
        }
    }

    [Fact]
    public void Products_ShortLastGroup_WritesOnlyTheMatrixRows()
    {
        if (!Q8Wide.IsSupported)
        {
            return;
        }

        const int rows = 37;
        const int tokens = 4;
        const int k = 96;
        using var arena = new NativeArena();
        var (w, q) = Random(arena, rows, tokens, k, seed: 2);
        const int ldy = rows + 3; // three guard cells after each token's outputs
        var tile = Enumerable.Repeat(float.NaN, tokens * ldy).ToArray();
        var decode = Enumerable.Repeat(float.NaN, ldy).ToArray();
        fixed (float* pt = tile, pd = decode)
        {
            Q8Products.Tile(q, 0, w, 0, pt, ldy, Q8RowGroups.Rows, fromMemory: false);
            Q8Products.Tile(q, 0, w, 32, pt + 32, ldy, rows - 32, fromMemory: true);
            for (var t = 0; t < tokens; t++)
            {
                Q8Products.Rows(q, t, w, 0, pd, Q8RowGroups.Rows);
                Q8Products.Rows(q, t, w, 32, pd + 32, rows - 32);
                for (var r = 0; r < rows; r++)
                {
                    Assert.Equal(BitConverter.SingleToInt32Bits(decode[r]), BitConverter.SingleToInt32Bits(tile[(t * ldy) + r]));
                    var exact = ExactBlockSums(w, r, q.Quants(t), q.Scales(t), k);
                    Assert.Equal(exact, decode[r], (Math.Abs(exact) * 1e-5) + 1e-5);
                }

                Assert.All(tile.Skip((t * ldy) + rows).Take(ldy - rows), y => Assert.True(float.IsNaN(y)));
            }

            Assert.All(decode.Skip(rows), y => Assert.True(float.IsNaN(y)));
        }
    }

    [Fact]
    public void Rows_ScalesSpreadFarBelowTheRowsLargest_StaysWithinHalfAUnitPerBlock()
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

        float result;
        Q8Products.Rows(q, 0, w, 0, &result, 1);
        var exact = ExactBlockSums(w, 0, q.Quants(0), q.Scales(0), k);
        var bound = 0.0;
        for (var b = 0; b < k / 32; b++)
        {
            bound += w.RowUnits[0] / 2.0 * q.Scales(0)[b] * Math.Abs(BlockDot(w, 0, b, q.Quants(0)));
        }

        Assert.Contains(Enumerable.Range(0, k / 32), b => w.ScaleSteps[Q8RowGroups.StepIndex(0, b, k)] * w.RowUnits[0] != w.Scales[b]);
        Assert.InRange(Math.Abs(result - exact), 0, bound + (Math.Abs(exact) * 1e-5));
    }

    private static (WeightMatrix W, Q8Activations Q) Random(NativeArena arena, int rows, int tokens, int k, int seed)
    {
        var random = new Random(seed);
        var weights = Enumerable.Range(0, rows * k).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
        var input = Enumerable.Range(0, tokens * k).Select(_ => (float)((random.NextDouble() - 0.5) * 4)).ToArray();
        var w = WeightFactory.FromFloats(arena, rows, k, weights, WeightType.Q8_0);
        var q = new Q8Activations(arena, tokens, k);
        fixed (float* x = input)
        {
            q.Quantize(x, tokens, k);
        }

        return (w, q);
    }

    private static long BlockDot(WeightMatrix w, int row, int block, sbyte* xq)
    {
        var wq = new sbyte[32];
        w.ReadBlock(row, block, wq);
        long dot = 0;
        for (var i = 0; i < 32; i++)
        {
            dot += wq[i] * xq[(block * 32) + i];
        }

        return dot;
    }

    private static double ExactBlockSums(WeightMatrix w, int row, sbyte* xq, float* xs, int k)
    {
        var sum = 0.0;
        for (var b = 0; b < k / 32; b++)
        {
            sum += (double)w.Scales[(row * k / 32) + b] * xs[b] * BlockDot(w, row, b, xq);
        }

        return sum;
    }
}
