namespace Sn19.Host.Signer;

using System.Net.Sockets;
using System.Runtime.Versioning;

/// <summary>
/// Creates the signer's listening socket safely:
///  1. the directory is created 0700 when missing;
///  2. an existing path is replaced only when it is a socket nobody answers on (stale); a live socket
///     (another signer) or anything that is not a socket (file, directory, symlink) is refused;
///  3. bind runs under umask 0177, so the socket is born 0600 with no window where others could connect;
///     the mode is then set and checked explicitly;
///  4. with an owner uid, the socket (and a directory created here) is handed to that user: the one client
///     user who may connect, and who need not be able to read the key files.
/// </summary>
[UnsupportedOSPlatform("windows")]
internal static class SignerSocket
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>The listening socket, or an <see cref="InvalidOperationException"/> that says why not.</summary>
    public static Socket Listen(string path, int backlog, int ownerUid = -1)
    {
        var directory = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(directory) && !Directory.Exists(directory))
        {
            Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            if (ownerUid >= 0)
            {
                UnixOwnership.SetOwner(directory, ownerUid);
            }
        }

        switch (UnixFileType.Of(path))
        {
            case null:
                break;
            case UnixFileType.Socket when IsLive(path):
                throw new InvalidOperationException($"'{path}' is a live socket: another signer is serving it.");
            case UnixFileType.Socket:
                File.Delete(path);
                break;
            default:
                throw new InvalidOperationException($"'{path}' exists and is not a socket; refusing to replace it.");
        }

        var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            // umask 0177 (octal): owner rw only.
            var previous = UnixFileType.SetUmask(0x7F);
            try
            {
                listener.Bind(new UnixDomainSocketEndPoint(path));
            }
            finally
            {
                UnixFileType.SetUmask(previous);
            }

            File.SetUnixFileMode(path, OwnerOnly);
            if (ownerUid >= 0)
            {
                UnixOwnership.SetOwner(path, ownerUid);
            }

            if (File.GetUnixFileMode(path) != OwnerOnly)
            {
                throw new InvalidOperationException($"'{path}' could not be made mode 0600.");
            }

            listener.Listen(backlog);
            return listener;
        }
        catch
        {
            listener.Dispose();
            throw;
        }
    }

    private static bool IsLive(string path)
    {
        using var probe = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            probe.Connect(new UnixDomainSocketEndPoint(path));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
