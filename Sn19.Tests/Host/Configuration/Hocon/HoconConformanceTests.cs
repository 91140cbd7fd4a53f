namespace Sn19.Tests.Host.Configuration.Hocon;

using System.Text.Json;
using Sn19.Host.Configuration.Hocon;
using Sn19.Tests.TestSupport;

/// <summary>Every .conf and .json file of each folder in shared/data/hocon-conformance must load to the
/// same tree as that folder's original.json: one test per file.</summary>
public sealed class HoconConformanceTests
{
    private static string Folder => Path.Combine(TestPaths.SharedData, "hocon-conformance");

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Folder, "*", SearchOption.AllDirectories)
                     .Where(f => f.EndsWith(".conf", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(Folder, file).Replace('\\', '/'));
        }

        return data;
    }

    [Fact]
    public void Files_CoverEveryFolder_WithOriginalJson()
    {
        var folders = Directory.GetDirectories(Folder);
        Assert.NotEmpty(folders);
        Assert.All(folders, f => Assert.True(File.Exists(Path.Combine(f, "original.json")), f));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Load_ConformanceFile_MatchesOriginalJson(string file)
    {
        var path = Path.Combine(Folder, file);
        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(Path.GetDirectoryName(path)!, "original.json")));

        var actual = new HoconDocument().AddFile(path).Resolve(new Dictionary<string, string>());

        Assert.Equal(HoconTreeText.Of(expected.RootElement), HoconTreeText.Of(actual));
    }
}
