namespace Sn19.Tests.Inference.Kernels;

using Sn19.Inference.Kernels;

/// <summary>
/// The arena carves blocks out of huge-page slabs: every block must still be zeroed, 64-byte aligned and
/// its own, whether it is small (shares a slab), larger than the slab it would have shared (a new slab),
/// or large enough for a slab of its own (whose tail then serves the small blocks after it).
/// </summary>
public sealed unsafe class NativeArenaTests
{
    [Fact]
    public void Blocks_AreZeroedAlignedAndDisjoint()
    {
        // Sizes: tiny, odd, a few MiB (past the first 2 MiB slab), 20 MiB (a slab of its own), then small again.
        long[] sizes = [1, 3, 1000, 4097, 3 << 20, 100, 20 << 20, 5, 1 << 20, 777];
        using var arena = new NativeArena();
        var blocks = new List<(nint Start, long Bytes, byte Mark)>();
        for (var i = 0; i < sizes.Length; i++)
        {
            var block = arena.Allocate<byte>(sizes[i]);
            Assert.Equal(0, (long)block % 64);
            Assert.True(new ReadOnlySpan<byte>(block, (int)sizes[i]).IndexOfAnyExcept((byte)0) < 0, $"block {i} is not zeroed");
            var mark = (byte)(i + 1);
            new Span<byte>(block, (int)sizes[i]).Fill(mark);
            blocks.Add(((nint)block, sizes[i], mark));
        }

        // Filling a block spilled into no other: each still holds only its own mark.
        foreach (var (start, bytes, mark) in blocks)
        {
            Assert.True(new ReadOnlySpan<byte>((void*)start, (int)bytes).IndexOfAnyExcept(mark) < 0);
        }

        Assert.Equal(sizes.Sum(), arena.BytesAllocated);
    }

    [Fact]
    public void Allocate_OfTypedElements_CountsElementBytes()
    {
        using var arena = new NativeArena();
        var floats = arena.Allocate<float>(10);
        floats[9] = 1f;
        Assert.Equal(40, arena.BytesAllocated);
        Assert.Throws<ArgumentOutOfRangeException>(() => arena.Allocate<float>(-1));
    }
}
