namespace Sn19.Benchmarks.Inference.Tokenizers;

/// <summary>Finds the shared test data: <c>shared/data</c> beside (or above) the folder holding Sn19.sln.</summary>
internal static class BenchmarkData
{
    public static string Tokenizer(string fileName)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data", "tokenizers", fileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"no shared/data/tokenizers/{fileName} above {AppContext.BaseDirectory}");
    }
}
