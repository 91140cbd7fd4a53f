namespace Sn19.Inference.Kernels;

using System.Runtime.InteropServices;

/// <summary>
/// Owns 64-byte aligned native blocks (weights, caches, scratch) and frees them together. Native memory
/// keeps the large buffers off the GC heap and aligned for 512-bit loads. Blocks are carved from slabs
/// that are aligned to, sized in and advised as huge pages (<see cref="TransparentHugePages"/>): a model's
/// many small matrices (0.6–1.7 MB each on 110m) then share huge pages instead of each sitting on 4 KiB
/// pages. Slabs start at one huge page and double up to <see cref="MaxSlabBytes"/>, so a small arena (a
/// test's matrix, one sequence's cache) stays small; a block larger than a quarter of that gets a slab
/// of its own, and the small blocks after it go on in that slab's tail when it is the larger one. On
/// systems without madvise the slabs are plain aligned memory.
/// </summary>
internal sealed unsafe class NativeArena : IDisposable
{
    private const nuint Alignment = 64;
    private const nuint MaxSlabBytes = 64 << 20;
    private readonly List<nint> _slabs = [];
    private byte* _next;
    private nuint _left;
    private nuint _lastSlabBytes;

    /// <summary>Bytes handed out in blocks (not counting slab tails).</summary>
    public long BytesAllocated { get; private set; }

    /// <summary>A zeroed, aligned block of <paramref name="count"/> elements.</summary>
    public T* Allocate<T>(long count)
        where T : unmanaged
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var bytes = (nuint)Math.Max(1, count * sizeof(T));
        var rounded = (bytes + Alignment - 1) / Alignment * Alignment;
        lock (_slabs)
        {
            byte* block;
            if (rounded > MaxSlabBytes / 4)
            {
                // A slab of its own; the smaller blocks still to come go on in whichever tail is larger.
                block = NewSlab(rounded);
                var tail = RoundToPages(rounded) - rounded;
                if (tail > _left)
                {
                    _next = block + rounded;
                    _left = tail;
                }
            }
            else
            {
                if (rounded > _left)
                {
                    var grown = Math.Clamp(2 * _lastSlabBytes, TransparentHugePages.PageBytes, MaxSlabBytes);
                    _lastSlabBytes = Math.Max(grown, rounded);
                    _next = NewSlab(_lastSlabBytes);
                    _left = RoundToPages(_lastSlabBytes);
                }

                block = _next;
                _next += rounded;
                _left -= rounded;
            }

            BytesAllocated += (long)bytes;
            NativeMemory.Clear(block, bytes);
            return (T*)block;
        }
    }

    public void Dispose()
    {
        lock (_slabs)
        {
            foreach (var slab in _slabs)
            {
                NativeMemory.AlignedFree((void*)slab);
            }

            _slabs.Clear();
            _next = null;
            _left = 0;
            _lastSlabBytes = 0;
            BytesAllocated = 0;
        }
    }

    private static nuint RoundToPages(nuint bytes) =>
        (bytes + TransparentHugePages.PageBytes - 1) / TransparentHugePages.PageBytes * TransparentHugePages.PageBytes;

    private byte* NewSlab(nuint bytes)
    {
        bytes = RoundToPages(bytes);
        var slab = NativeMemory.AlignedAlloc(bytes, TransparentHugePages.PageBytes);
        TransparentHugePages.Advise(slab, bytes);
        _slabs.Add((nint)slab);
        return (byte*)slab;
    }
}
