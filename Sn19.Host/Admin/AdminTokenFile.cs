namespace Sn19.Host.Admin;

using System.Security.Cryptography;

/// <summary>
/// A node's admin token when none is configured: made once at random, kept in the data directory with
/// mode 0600, reused on every start, so `sn19 ctl --token "$(cat DIR/admin.token)"` always works.
/// </summary>
internal static class AdminTokenFile
{
    public static string ReadOrCreate(string path)
    {
        if (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }

        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(path, options))
        {
            writer.Write(token);
        }

        return token;
    }
}
