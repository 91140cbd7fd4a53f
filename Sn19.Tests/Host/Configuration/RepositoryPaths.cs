namespace Sn19.Tests.Host.Configuration;

/// <summary>Finds the repository from the test output folder: the nearest folder up holding Sn19.sln.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Hocon => Path.Combine(Root, "hocon");

    /// <summary>The shared test data sits next to the repository: &lt;root&gt;/../shared/data. A git worktree
    /// nested one level deeper (e.g. wt/name) finds it further up.</summary>
    public static string SharedData { get; } = FindSharedData();

    private static string FindSharedData()
    {
        for (var dir = Directory.GetParent(Root); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return Path.GetFullPath(Path.Combine(Root, "..", "shared", "data"));
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Sn19.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no Sn19.sln above {AppContext.BaseDirectory}");
    }
}
