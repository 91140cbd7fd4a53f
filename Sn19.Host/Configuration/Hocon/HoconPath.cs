namespace Sn19.Host.Configuration.Hocon;

using System.Text;

/// <summary>A path into a HOCON tree: `a.b."c.d"` is the segments a, b, c.d.</summary>
internal sealed class HoconPath : IEquatable<HoconPath>
{
    public static readonly HoconPath Root = new([]);

    private readonly string[] _segments;

    public HoconPath(IEnumerable<string> segments) => _segments = [.. segments];

    public IReadOnlyList<string> Segments => _segments;

    public int Length => _segments.Length;

    public HoconPath Append(HoconPath other) => new(_segments.Concat(other._segments));

    public HoconPath Append(string segment) => new(_segments.Append(segment));

    public bool StartsWith(HoconPath prefix) =>
        prefix._segments.Length <= _segments.Length && prefix._segments.AsSpan().SequenceEqual(_segments.AsSpan(0, prefix._segments.Length));

    public HoconPath Skip(int count) => new(_segments.Skip(count));

    /// <summary>Parses a path expression such as `logging.overrides."Microsoft.AspNetCore"`.</summary>
    public static HoconPath Parse(string text, string source = "path")
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = HoconLexer.Tokenize(text, source);
        var origin = new HoconOrigin(source, 1);
        var parts = tokens.Where(t => t.Kind != HoconTokenKind.End).ToList();
        var bad = parts.FirstOrDefault(t => t.Kind is not (HoconTokenKind.Unquoted or HoconTokenKind.QuotedString or HoconTokenKind.Whitespace));
        if (bad.Kind != HoconTokenKind.End)
        {
            throw new HoconException($"invalid path '{text}': unexpected {bad.Describe()}", origin, key: null);
        }

        return FromTokens(parts, origin);
    }

    /// <summary>Builds a path from key tokens: unquoted text splits on '.', quoted text is taken whole,
    /// whitespace inside a key is kept and whitespace around it is dropped.</summary>
    internal static HoconPath FromTokens(IReadOnlyList<HoconToken> tokens, HoconOrigin origin)
    {
        var start = 0;
        var end = tokens.Count;
        while (start < end && tokens[start].Kind == HoconTokenKind.Whitespace)
        {
            start++;
        }

        while (end > start && tokens[end - 1].Kind == HoconTokenKind.Whitespace)
        {
            end--;
        }

        if (start == end)
        {
            throw new HoconException("expected a key", origin, key: null);
        }

        var segments = new List<string>();
        var current = new StringBuilder();
        var hasCurrent = false;
        for (var i = start; i < end; i++)
        {
            var token = tokens[i];
            if (token.Kind != HoconTokenKind.Unquoted)
            {
                current.Append(token.Text);
                hasCurrent = true;
                continue;
            }

            foreach (var c in token.Text)
            {
                if (c != '.')
                {
                    current.Append(c);
                    hasCurrent = true;
                    continue;
                }

                if (!hasCurrent)
                {
                    throw new HoconException($"empty segment in path key near '{token.Text}' (a '.' at the start, end or doubled)", origin, key: null);
                }

                segments.Add(current.ToString());
                current.Clear();
                hasCurrent = false;
            }
        }

        if (!hasCurrent)
        {
            throw new HoconException("path key ends with '.'", origin, key: null);
        }

        segments.Add(current.ToString());
        return new HoconPath(segments);
    }

    /// <summary>The Microsoft.Extensions.Configuration form: segments joined by ':'.</summary>
    public string ToConfigurationKey() => string.Join(':', _segments);

    public override string ToString() => Render(_segments);

    /// <summary>Renders segments as a HOCON path, quoting the ones that need it.</summary>
    public static string Render(IEnumerable<string> segments) => string.Join('.', segments.Select(Quote));

    private static string Quote(string segment)
    {
        var plain = segment.Length > 0 && segment.All(c => !HoconLexer.IsWhitespace(c) && c != '.' && c >= ' ' && c != '/' &&
                                                           !"$\"{}[]:=,+#`^?!@*&\\".Contains(c, StringComparison.Ordinal));
        if (plain)
        {
            return segment;
        }

        var quoted = new StringBuilder("\"");
        foreach (var c in segment)
        {
            _ = c switch
            {
                '"' => quoted.Append("\\\""),
                '\\' => quoted.Append("\\\\"),
                < ' ' => quoted.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture)),
                _ => quoted.Append(c),
            };
        }

        return quoted.Append('"').ToString();
    }

    public bool Equals(HoconPath? other) => other is not null && _segments.AsSpan().SequenceEqual(other._segments);

    public override bool Equals(object? obj) => Equals(obj as HoconPath);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var s in _segments)
        {
            hash.Add(s, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }
}
