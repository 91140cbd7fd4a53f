namespace Sn19.Tests.Inference.Kernels;

using Sn19.Inference.Kernels;

/// <summary>
/// The emitted 512-bit vpdpbusd tile against the intrinsic <see cref="Q8WideVnni"/> tile it stands in for:
/// the same bits in every cell (both accumulate exact block sums and run the same float operations), with
/// and without prefetching, with output rows further apart than 32.
/// </summary>
public sealed unsafe class Q8Vnni512TileTests
{
    [Theory]
    [InlineData(32, false)]
    [InlineData(96, true)]
    [InlineData(768, false)]
    [InlineData(1056, true)]
    public void EmittedTile_AgreesToTheBitWithTheIntrinsicTile(int k, bool fromMemory)
    {
        if (!Q8Vnni512Tile.IsSupported)
        {
            // Not Linux x64 with AVX512-VNNI: the engine runs the intrinsic tile, which the other tests cover.
            return;
        }

        const int rows = Q8RowGroups.Rows;
        const int tokens = 4;
        const int ldy = rows + 5;
        var random = new Random(k);
        var weights = Enumerable.Range(0, rows * k).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
        var input = Enumerable.Range(0, tokens * k).Select(_ => (float)((random.NextDouble() - 0.5) * 4)).ToArray();
        using var arena = new NativeArena();
        var w = WeightFactory.FromFloats(arena, rows, k, weights, WeightType.Q8_0, Q8Layout.OffsetRowGroups);
        var q = new Q8Activations(arena, tokens, k);
        fixed (float* x = input)
        {
            q.Quantize(x, tokens, k);
        }

        var emitted = Enumerable.Repeat(float.NaN, tokens * ldy).ToArray();
        var intrinsic = Enumerable.Repeat(float.NaN, tokens * ldy).ToArray();
        fixed (float* pe = emitted, pi = intrinsic)
        {
            Q8Vnni512Tile.Tile(q.Quants(0), k, q.Offsets(0), q.Scales(0), k / 32, w.Quants, w.ScaleSteps, w.RowUnits, k, pe, ldy, fromMemory);
            Q8WideVnni.Tile(q.Quants(0), k, q.Offsets(0), q.Scales(0), k / 32, w.Quants, w.ScaleSteps, w.RowUnits, k, pi, ldy, fromMemory);
        }

        Assert.Equal(intrinsic.Select(BitConverter.SingleToInt32Bits), emitted.Select(BitConverter.SingleToInt32Bits));
        for (var t = 0; t < tokens; t++)
        {
            Assert.All(emitted.Skip(t * ldy).Take(rows), y => Assert.True(float.IsFinite(y) && y != 0));
            Assert.All(emitted.Skip((t * ldy) + rows).Take(ldy - rows), y => Assert.True(float.IsNaN(y)));
        }
    }
}
