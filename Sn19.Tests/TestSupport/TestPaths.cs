namespace Sn19.Tests.TestSupport;

/// <summary>
/// Locates the repository root (the nearest folder up from the test output holding Sn19.sln) and the shared
/// test data, which lives in <c>shared/data</c> beside the checkout (<c>../shared/data</c> from the root); for a
/// checkout nested deeper (a git worktree) the nearest ancestor holding <c>shared/data</c> is used.
/// </summary>
internal static class TestPaths
{
    private static readonly Lazy<string> Root = new(FindRepositoryRoot);
    private static readonly Lazy<string> Shared = new(FindSharedData);

    public static string RepositoryRoot => Root.Value;

    public static string Hocon => Path.Combine(RepositoryRoot, "hocon");

    public static string SharedData => Shared.Value;

    public static string Tokenizer(string fileName) => Path.Combine(SharedData, "tokenizers", fileName);

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Sn19.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"no folder holding Sn19.sln above {AppContext.BaseDirectory}");
    }

    private static string FindSharedData()
    {
        for (var dir = Directory.GetParent(RepositoryRoot); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        // Not found: name the expected place so the failing test says where the data should be.
        return Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "data"));
    }
}
