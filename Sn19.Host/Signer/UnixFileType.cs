namespace Sn19.Host.Signer;

using System.Runtime.InteropServices;
using System.Runtime.Versioning;

/// <summary>
/// The type bits of a path without following a final symlink (<c>lstat</c>), which .NET does not expose:
/// the signer must tell a stale socket it may delete from a file it must not touch.
/// </summary>
[UnsupportedOSPlatform("windows")]
internal static partial class UnixFileType
{
    private const int ENOENT = 2;
    private const uint FormatMask = 0xF000;

    public const uint Socket = 0xC000;
    public const uint Symlink = 0xA000;
    public const uint Regular = 0x8000;
    public const uint Directory = 0x4000;

    /// <summary>The <c>S_IFMT</c> bits of <paramref name="path"/>, or null when nothing is there.</summary>
    public static unsafe uint? Of(string path)
    {
        // glibc's struct stat: st_mode is at byte 24 on x86-64 (dev, ino, nlink are 8 bytes each) and at
        // byte 16 on the generic layout arm64 uses (nlink comes after mode and is 4 bytes).
        var modeOffset = RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.X64 => 24,
            Architecture.Arm64 => 16,
            var other => throw new PlatformNotSupportedException($"the signer's socket check has no stat layout for {other}"),
        };
        var buffer = stackalloc byte[256];
        if (LStat(path, buffer) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            return errno == ENOENT ? null : throw new IOException($"lstat '{path}' failed with errno {errno}");
        }

        return *(uint*)(buffer + modeOffset) & FormatMask;
    }

    /// <summary>Sets the process umask and returns the previous one.</summary>
    public static uint SetUmask(uint mask) => Umask(mask);

    [LibraryImport("libc", EntryPoint = "lstat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int LStat(string path, byte* buffer);

    [LibraryImport("libc", EntryPoint = "umask")]
    private static partial uint Umask(uint mask);
}
