namespace Sn19.Host.Signer;

using System.Runtime.InteropServices;
using System.Runtime.Versioning;

/// <summary><c>lchown</c>, which .NET does not expose: hands the signer socket to the user its clients run as.</summary>
[UnsupportedOSPlatform("windows")]
internal static partial class UnixOwnership
{
    /// <summary>Sets the owning uid of <paramref name="path"/> (the group is left as it is).</summary>
    public static void SetOwner(string path, int uid)
    {
        // (uint)-1 leaves the group unchanged.
        if (LChown(path, (uint)uid, uint.MaxValue) != 0)
        {
            throw new InvalidOperationException(
                $"cannot give '{path}' to uid {uid} (errno {Marshal.GetLastPInvokeError()}); that needs root or CAP_CHOWN");
        }
    }

    [LibraryImport("libc", EntryPoint = "lchown", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int LChown(string path, uint owner, uint group);
}
