namespace Sn19.Host.Configuration.Hocon;

/// <summary>A position in a token list with the look-ahead the parser needs. The list always ends with an
/// End token, and reading past it keeps returning End.</summary>
internal sealed class HoconTokenCursor(List<HoconToken> tokens)
{
    private int _pos;

    public HoconToken Peek() => tokens[_pos];

    public HoconToken Next() => tokens[_pos < tokens.Count - 1 ? _pos++ : _pos];

    public void SkipWhitespace()
    {
        while (Peek().Kind == HoconTokenKind.Whitespace)
        {
            Next();
        }
    }

    public void SkipWhitespaceAndNewlines()
    {
        while (Peek().Kind is HoconTokenKind.Whitespace or HoconTokenKind.Newline)
        {
            Next();
        }
    }

    /// <summary>At an unquoted `include`: true when a quoted name or `file(`/`required(` follows after
    /// whitespace (otherwise `include` is an ordinary key).</summary>
    public bool IsIncludeDirective()
    {
        var i = _pos + 1;
        while (tokens[i].Kind == HoconTokenKind.Whitespace)
        {
            i++;
        }

        var next = tokens[i];
        return i > _pos + 1 && (next.Kind == HoconTokenKind.QuotedString ||
                                (next.Kind == HoconTokenKind.Unquoted && next.Text.EndsWith('(')));
    }

    /// <summary>At a '{': true when the object is the whole value (only whitespace, then a new line, ',',
    /// '}', ']' or the end follow its '}'), so it can be parsed in place; false for `{...} {...}` concatenations.</summary>
    public bool IsLoneObject()
    {
        var depth = 0;
        var i = _pos;
        for (; i < tokens.Count; i++)
        {
            var kind = tokens[i].Kind;
            if (kind == HoconTokenKind.OpenBrace)
            {
                depth++;
            }
            else if (kind == HoconTokenKind.CloseBrace && --depth == 0)
            {
                break;
            }
            else if (kind == HoconTokenKind.End)
            {
                return true;
            }
        }

        i++;
        while (i < tokens.Count && tokens[i].Kind == HoconTokenKind.Whitespace)
        {
            i++;
        }

        return i >= tokens.Count || tokens[i].Kind is HoconTokenKind.Newline or HoconTokenKind.Comma or HoconTokenKind.CloseBrace
            or HoconTokenKind.CloseBracket or HoconTokenKind.End;
    }
}
