namespace Sn19.Tests.Host.Configuration.Hocon;

using Sn19.Host.Configuration.Hocon;

/// <summary>Parse-and-read helpers for HOCON tests.</summary>
internal static class HoconTestTree
{
    public static readonly IReadOnlyDictionary<string, string> NoEnvironment = new Dictionary<string, string>();

    public static HoconObject Parse(string text, IReadOnlyDictionary<string, string>? environment = null) =>
        HoconDocument.Parse(text, environment ?? NoEnvironment, "test.conf");

    public static HoconValue? Get(HoconObject root, string path)
    {
        HoconValue current = root;
        foreach (var segment in HoconPath.Parse(path).Segments)
        {
            if (current is not HoconObject obj || !obj.TryGet(segment, out var next))
            {
                return null;
            }

            current = next;
        }

        return current;
    }

    public static string? Text(HoconObject root, string path) => (Get(root, path) as HoconScalar)?.Text;

    public static string[] Strings(HoconObject root, string path) =>
        Assert.IsType<HoconArray>(Get(root, path)).Items.Select(i => Assert.IsType<HoconScalar>(i).Text).ToArray();
}
