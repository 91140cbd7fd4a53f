namespace Sn19.Tests.Inference.Kernels;

using Sn19.Inference.Kernels;

/// <summary>
/// The 512-bit kernels' row-group layout must hold exactly the quants a row-major matrix holds, with
/// zeros in a last group's padding rows, and must write the same GGUF bytes back.
/// </summary>
public sealed unsafe class Q8RowGroupsTests
{
    private const int Rows = 37; // one whole group and a short one
    private const int Cols = 96;

    [Fact]
    public void SliceOffsets_TileTheAllocationWithoutOverlap()
    {
        var seen = new HashSet<long>();
        for (var r = 0; r < 64; r++)
        {
            for (var c = 0; c < 128; c += Q8RowGroups.SliceQuants)
            {
                Assert.True(seen.Add(Q8RowGroups.SliceOffset(r, c, 128) / Q8RowGroups.SliceQuants));
            }
        }

        Assert.Equal(Q8RowGroups.Bytes(64, 128) / Q8RowGroups.SliceQuants, seen.Count);

        // Row 17, quants 36..39: group 0, block 1, slice pair 1, second half, lane 1.
        Assert.Equal(Q8RowGroups.BlockBytes + Q8RowGroups.PairBytes + Q8RowGroups.SliceBytes + 4, Q8RowGroups.SliceOffset(17, 36, 128));
        Assert.Equal(4L * Q8RowGroups.BlockBytes, Q8RowGroups.GroupOffset(32, 128));
        Assert.Equal((4L * 32) + (2 * 32) + 1, Q8RowGroups.StepIndex(33, 2, 128));
    }

    [Fact]
    public void GroupedMatrix_DequantisesAndWritesBackLikeRowMajor()
    {
        var random = new Random(3);
        var values = Enumerable.Range(0, Rows * Cols).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
        using var arena = new NativeArena();
        var grouped = WeightFactory.FromFloats(arena, Rows, Cols, values, WeightType.Q8_0);
        var rowMajor = WeightFactory.FromFloats(arena, Rows, Cols, values, WeightType.Q8_0, layout: Q8Layout.RowMajor);
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
            for (var c = 0; c < Cols; c += Q8RowGroups.SliceQuants)
            {
                var start = Q8RowGroups.SliceOffset(r, c, Cols);
                for (var i = 0; i < Q8RowGroups.SliceQuants; i++)
                {
                    written.Add(start + i);
                }
            }
        }

        var total = Q8RowGroups.Bytes(Rows, Cols);
        Assert.Equal(Rows * Cols, written.Count);
        var stored = w.OffsetQuants ? 0x80 : 0; // the VNNI kernel's matrices hold w + 128
        for (long i = 0; i < total; i++)
        {
            Assert.Equal(written.Contains(i) ? 127 : 0, (sbyte)(w.Quants[i] ^ stored));
        }

        for (var r = Rows; r < Q8RowGroups.Groups(Rows) * Q8RowGroups.Rows; r++)
        {
            Assert.Equal(0f, w.RowUnits[r]);
            Assert.Equal(0, w.ScaleSteps[Q8RowGroups.StepIndex(r, 0, Cols)]);
        }
    }
}
