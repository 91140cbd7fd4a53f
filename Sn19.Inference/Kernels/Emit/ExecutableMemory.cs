namespace Sn19.Inference.Kernels.Emit;

using System.Runtime.InteropServices;

/// <summary>
/// Pages holding emitted machine code: mapped writable, filled, then made read-and-execute, so they are
/// never writable and executable at once. Linux only (the mmap constants are Linux's); the pages live as
/// long as the process, like the JIT's own code.
/// </summary>
internal static unsafe partial class ExecutableMemory
{
    private const int ProtRead = 1;
    private const int ProtWrite = 2;
    private const int ProtExec = 4;
    private const int MapPrivate = 0x02;
    private const int MapAnonymous = 0x20;

    /// <summary>Copies <paramref name="code"/> into fresh executable pages; null where the system refuses.</summary>
    public static void* TryCreate(ReadOnlySpan<byte> code)
    {
        if (!OperatingSystem.IsLinux() || code.IsEmpty)
        {
            return null;
        }

        try
        {
            return Map(code);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // A libc the runtime cannot find by that name (not glibc): the intrinsic kernels run instead.
            return null;
        }
    }

    private static void* Map(ReadOnlySpan<byte> code)
    {
        var length = (nuint)code.Length;
        var pages = Mmap(0, length, ProtRead | ProtWrite, MapPrivate | MapAnonymous, -1, 0);
        if (pages == -1)
        {
            return null;
        }

        code.CopyTo(new Span<byte>((void*)pages, code.Length));
        if (Mprotect(pages, length, ProtRead | ProtExec) != 0)
        {
            Munmap(pages, length);
            return null;
        }

        return (void*)pages;
    }

    [LibraryImport("libc", EntryPoint = "mmap")]
    private static partial nint Mmap(nint address, nuint length, int protection, int flags, int fd, nint offset);

    [LibraryImport("libc", EntryPoint = "mprotect")]
    private static partial int Mprotect(nint address, nuint length, int protection);

    [LibraryImport("libc", EntryPoint = "munmap")]
    private static partial int Munmap(nint address, nuint length);
}
