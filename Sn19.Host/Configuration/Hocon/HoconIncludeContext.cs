namespace Sn19.Host.Configuration.Hocon;

/// <summary>What the parser of one document shares across included files: the chain of files being
/// included (to report cycles) and how a full path is shown to the user.</summary>
internal sealed class HoconIncludeContext(Func<string, string> displayName)
{
    private readonly List<string> _chain = [];

    public string Display(string fullPath) => displayName(fullPath);

    public bool IsIncluding(string fullPath) => _chain.Contains(fullPath, StringComparer.Ordinal);

    public string DescribeCycle(string fullPath) =>
        string.Join(" -> ", _chain.SkipWhile(f => f != fullPath).Append(fullPath).Select(Display));

    public void Enter(string fullPath) => _chain.Add(fullPath);

    public void Leave() => _chain.RemoveAt(_chain.Count - 1);
}
