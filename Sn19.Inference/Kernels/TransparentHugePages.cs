namespace Sn19.Inference.Kernels;

using System.Runtime.InteropServices;

/// <summary>
/// Asks Linux to back a region with 2 MiB pages (madvise MADV_HUGEPAGE), for machines whose transparent
/// huge pages are in "madvise" mode, as this one's are. Decode streams every weight once per token; on
/// 4 KiB pages that is a TLB miss every 4 KiB and the hardware prefetchers stop at each page edge. On this
/// machine huge pages raised 110m Q8_0 decode by ~7% (README, "Huge pages"). The advice is a hint:
/// where madvise is missing or refuses, the memory simply stays on small pages.
/// </summary>
internal static unsafe class TransparentHugePages
{
    /// <summary>The huge page size on x86-64 and arm64 Linux; regions are aligned and sized to it.</summary>
    public const nuint PageBytes = 2 << 20;

    private const int AdviseHugePage = 14; // MADV_HUGEPAGE in <sys/mman.h>

    // madvise is looked up in the process's own symbols (the host links libc), so no library name has to
    // be guessed; "libc" alone resolves to a linker script on machines with the C headers installed.
    private static readonly delegate* unmanaged<void*, nuint, int, int> Madvise = Find();

    public static bool IsAvailable => Madvise != null;

    /// <summary>Advises huge pages for <paramref name="bytes"/> at <paramref name="block"/> (both multiples of <see cref="PageBytes"/>).</summary>
    public static void Advise(void* block, nuint bytes)
    {
        if (Madvise != null)
        {
            _ = Madvise(block, bytes, AdviseHugePage);
        }
    }

    private static delegate* unmanaged<void*, nuint, int, int> Find()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        return NativeLibrary.TryGetExport(NativeLibrary.GetMainProgramHandle(), "madvise", out var address)
            ? (delegate* unmanaged<void*, nuint, int, int>)address
            : null;
    }
}
