namespace Sn19.Host.Signer;

/// <summary>Expands a leading <c>~/</c> to the user's home directory, as a shell would.</summary>
internal static class PathExpansion
{
    public static string Expand(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path == "~" || path.StartsWith("~/", StringComparison.Ordinal))
        {
            var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            return Path.GetFullPath(Path.Join(home, path[1..]));
        }

        return Path.GetFullPath(path);
    }
}
