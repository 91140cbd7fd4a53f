namespace Sn19.Host.Configuration;

/// <summary>Finds the hocon/ folder: next to the binary (the build copies it there), else the repository's
/// hocon/ found by walking up from the binary or the current directory to the folder holding Sn19.sln.</summary>
internal static class HoconDirectoryLocator
{
    public const string MainFile = "sn19.conf";

    public static string Find()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "hocon");
        if (File.Exists(Path.Combine(beside, MainFile)))
        {
            return beside;
        }

        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "hocon");
                if (File.Exists(Path.Combine(dir.FullName, "Sn19.sln")) && File.Exists(Path.Combine(candidate, MainFile)))
                {
                    return candidate;
                }
            }
        }

        throw new ConfigurationException($"cannot find hocon/{MainFile} next to {AppContext.BaseDirectory} or in the repository");
    }
}
