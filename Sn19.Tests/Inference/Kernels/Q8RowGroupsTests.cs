namespace Sn19.Tests.Inference.Kernels;

using Sn19.Inference.Kernels;

/// <summary>
/// The 512-bit kernels' row-group layout must hold exactly the blocks a row-major matrix holds, with
/// zeros wherever a kernel reads past a row (the half pair after an odd block count, a last group's
/// missing rows), and must write the same GGUF bytes back.
/// </summary>
public sealed unsafe class Q8RowGroupsTests
{
    private const int Rows = 7;
    private const int Cols = 96; // three blocks: the last pair is half padding

    [Fact]
    public void BlockOffsets_TileTheAllocationWithoutOverlap()
    {
        var seen = new HashSet<long>();
        for (var r = 0; r < 8; r++)
        {
            for (var b = 0; b < 4; b++)
            {
                Assert.True(seen.Add(Q8RowGroups.BlockOffset(r, b, 128) / Q8.BlockSize));
            }
        }

        Assert.Equal(Q8RowGroups.Bytes(8, 128) / Q8.BlockSize, seen.Count);
        Assert.Equal(Q8RowGroups.PairStride + Q8.BlockSize, Q8RowGroups.BlockOffset(0, 3, 128));
        Assert.Equal(Q8RowGroups.Bytes(4, 128) + Q8Wide.PairBytes, Q8RowGroups.BlockOffset(5, 0, 128));
    }

    [Fact]
    public void GroupedMatrix_DequantisesAndWritesBackLikeRowMajor()
    {
        var random = new Random(3);
        var values = Enumerable.Range(0, Rows * Cols).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
        using var arena = new NativeArena();
        var grouped = WeightFactory.FromFloats(arena, Rows, Cols, values, WeightType.Q8_0);
        var rowMajor = WeightFactory.FromFloats(arena, Rows, Cols, values, WeightType.Q8_0, wide: false);
        Assert.False(rowMajor.RowGrouped);

        var a = new float[Cols];
        var b = new float[Cols];
        for (var r = 0; r < Rows; r++)
        {
            grouped.DequantizeRow(r, a);
            rowMajor.DequantizeRow(r, b);
            Assert.Equal(b, a);
        }

        var bytes = WeightFactory.ToGgufQ8(grouped);
        Assert.Equal(WeightFactory.ToGgufQ8(rowMajor), bytes);
        Assert.Equal(bytes, WeightFactory.ToGgufQ8(WeightFactory.FromGgufQ8(arena, Rows, Cols, bytes)));
    }

    [Fact]
    public void GroupedMatrix_PaddingIsZero()
    {
        if (!Q8Wide.IsSupported)
        {
            // Without AVX-512BW every matrix is row-major and has no padding.
            return;
        }

        var values = Enumerable.Repeat(0.25f, Rows * Cols).ToArray();
        using var arena = new NativeArena();
        var w = WeightFactory.FromFloats(arena, Rows, Cols, values, WeightType.Q8_0);
        Assert.True(w.RowGrouped);
        var written = new HashSet<long>();
        for (var r = 0; r < Rows; r++)
        {
            for (var blk = 0; blk < Cols / Q8.BlockSize; blk++)
            {
                var start = Q8RowGroups.BlockOffset(r, blk, Cols);
                for (var i = 0; i < Q8.BlockSize; i++)
                {
                    written.Add(start + i);
                }
            }
        }

        var total = Q8RowGroups.Bytes(Rows, Cols);
        Assert.Equal(Rows * Cols, written.Count);
        for (long i = 0; i < total; i++)
        {
            Assert.Equal(written.Contains(i) ? 127 : 0, w.Quants[i]);
        }
    }
}
