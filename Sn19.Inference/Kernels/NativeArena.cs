namespace Sn19.Inference.Kernels;

using System.Runtime.InteropServices;

/// <summary>
/// Owns 64-byte aligned native blocks (weights, caches, scratch) and frees them together. Native memory
/// keeps the large buffers off the GC heap and aligned for 512-bit loads.
/// </summary>
internal sealed unsafe class NativeArena : IDisposable
{
    private const nuint Alignment = 64;
    private readonly List<nint> _blocks = [];

    public long BytesAllocated { get; private set; }

    /// <summary>A zeroed, aligned block of <paramref name="count"/> elements.</summary>
    public T* Allocate<T>(long count)
        where T : unmanaged
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var bytes = (nuint)Math.Max(1, count * sizeof(T));
        var block = NativeMemory.AlignedAlloc(bytes, Alignment);
        NativeMemory.Clear(block, bytes);
        lock (_blocks)
        {
            _blocks.Add((nint)block);
            BytesAllocated += (long)bytes;
        }

        return (T*)block;
    }

    public void Dispose()
    {
        lock (_blocks)
        {
            foreach (var block in _blocks)
            {
                NativeMemory.AlignedFree((void*)block);
            }

            _blocks.Clear();
            BytesAllocated = 0;
        }
    }
}
