namespace Sn19.Tests.Inference.Kernels;

using System.Runtime.Intrinsics;
using Sn19.Inference.Kernels;

public sealed unsafe class LaneSumsTests
{
    /// <summary>Values of mixed magnitude, so a different addition order would change the bits.</summary>
    [Fact]
    public void Tile_GivesEachCellTheBitsOfSumTimesItsRowFactor()
    {
        if (!Vector512.IsHardwareAccelerated)
        {
            // xunit 2 cannot skip at run time; without AVX-512 the engine never calls the tile reduction.
            return;
        }

        var random = new Random(11);
        var cells = new Vector512<float>[16];
        for (var c = 0; c < 16; c++)
        {
            var lanes = Enumerable.Range(0, 16).Select(_ => (float)((random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-3, 6)))).ToArray();
            cells[c] = Vector512.Create(lanes);
        }

        const int ldy = 7;
        float[] factors = [1f, 0.5f, 3f, MathF.ScaleB(1f, -20)];
        var y = new float[4 * ldy];
        fixed (float* py = y)
        {
            LaneSums.Tile(
                cells[0], cells[1], cells[2], cells[3], cells[4], cells[5], cells[6], cells[7],
                cells[8], cells[9], cells[10], cells[11], cells[12], cells[13], cells[14], cells[15], py, ldy, Vector128.Create(factors));
        }

        for (var t = 0; t < 4; t++)
        {
            for (var r = 0; r < 4; r++)
            {
                var expected = LaneSums.Sum(cells[(4 * t) + r]);
                Assert.Equal(BitConverter.SingleToInt32Bits(expected * factors[r]), BitConverter.SingleToInt32Bits(y[(t * ldy) + r]));
                var lanes = Enumerable.Range(0, 16).Select(i => (double)cells[(4 * t) + r][i]).ToArray();

                // Four rounding steps, each off by at most half an ulp of a partial sum ≤ Σ|lane|.
                Assert.Equal(lanes.Sum(), expected, lanes.Sum(Math.Abs) * 4 * 6e-8);
            }
        }
    }

    [Fact]
    public void Sum4_GivesEachVectorTheBitsOfSum()
    {
        if (!Vector512.IsHardwareAccelerated)
        {
            // xunit 2 cannot skip at run time; without AVX-512 attention never calls Sum4.
            return;
        }

        var random = new Random(12);
        var vectors = Enumerable.Range(0, 4)
            .Select(_ => Vector512.Create(Enumerable.Range(0, 16).Select(_ => (float)((random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-3, 6)))).ToArray()))
            .ToArray();
        var sums = LaneSums.Sum4(vectors[0], vectors[1], vectors[2], vectors[3]);
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(BitConverter.SingleToInt32Bits(LaneSums.Sum(vectors[i])), BitConverter.SingleToInt32Bits(sums[i]));
        }
    }
}
