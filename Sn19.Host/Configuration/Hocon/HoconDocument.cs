namespace Sn19.Host.Configuration.Hocon;

/// <summary>
/// One HOCON document built from files and texts applied in order (later ones override and merge into
/// earlier ones, exactly as if they were one file), then resolved as a whole so substitutions can refer to
/// keys from any of them.
/// </summary>
internal sealed class HoconDocument
{
    private readonly HoconObject _root = new(new HoconOrigin("(root)", 0));
    private readonly HoconIncludeContext _context;
    private bool _resolved;

    /// <param name="displayName">How a file's full path is shown in provenance and errors; the full path
    /// when null.</param>
    public HoconDocument(Func<string, string>? displayName = null) => _context = new HoconIncludeContext(displayName ?? (p => p));

    public HoconDocument AddFile(string path)
    {
        EnsureOpen();
        HoconFiles.ParseFileInto(_root, Path.GetFullPath(path), HoconPath.Root, _context, includedFrom: null);
        return this;
    }

    /// <param name="directory">Where relative includes are looked up; the current directory when null.</param>
    public HoconDocument AddText(string text, string source = "(text)", string? directory = null)
    {
        EnsureOpen();
        HoconParser.ParseInto(_root, text, source, directory, HoconPath.Root, _context);
        return this;
    }

    /// <summary>Resolves every substitution; `${X}` not found in the document falls back to
    /// <paramref name="environment"/> (the process environment when null).</summary>
    public HoconObject Resolve(IReadOnlyDictionary<string, string>? environment = null)
    {
        EnsureOpen();
        _resolved = true;
        HoconResolver.Resolve(_root, environment ?? ProcessEnvironment.Snapshot());
        return _root;
    }

    /// <summary>Parses and resolves one text.</summary>
    public static HoconObject Parse(string text, IReadOnlyDictionary<string, string>? environment = null, string source = "(text)") =>
        new HoconDocument().AddText(text, source).Resolve(environment);

    private void EnsureOpen()
    {
        if (_resolved)
        {
            throw new InvalidOperationException("the document is already resolved");
        }
    }
}
