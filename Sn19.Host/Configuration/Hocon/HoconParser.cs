namespace Sn19.Host.Configuration.Hocon;

/// <summary>
/// Parses HOCON text into an unresolved tree, applying fields in order into a target object:
/// a field whose value is a lone object merges into an existing object at that key (parsed in place, so
/// self-references inside it see the earlier values); any other value replaces what was there, after its
/// self-references (`${key}` inside the value of `key`, and `+=`) are bound to the earlier value.
/// Includes are parsed in place into the object that holds them.
/// </summary>
internal sealed class HoconParser
{
    private readonly List<HoconToken> _tokens;
    private readonly string _source;
    private readonly string? _directory;
    private readonly HoconPath _prefix;
    private readonly HoconIncludeContext _context;
    private int _pos;

    private HoconParser(List<HoconToken> tokens, string source, string? directory, HoconPath prefix, HoconIncludeContext context)
    {
        _tokens = tokens;
        _source = source;
        _directory = directory;
        _prefix = prefix;
        _context = context;
    }

    /// <summary>Parses <paramref name="text"/> and applies its fields to <paramref name="target"/>, which sits
    /// at <paramref name="prefix"/> in the document. <paramref name="directory"/> anchors relative includes.</summary>
    public static void ParseInto(HoconObject target, string text, string source, string? directory, HoconPath prefix, HoconIncludeContext context)
    {
        var parser = new HoconParser(HoconLexer.Tokenize(text, source), source, directory, prefix, context);
        parser.ParseDocument(target);
    }

    private void ParseDocument(HoconObject target)
    {
        SkipWhitespaceAndNewlines();
        if (Peek().Kind == HoconTokenKind.OpenBrace)
        {
            var open = Next();
            ParseObjectBody(target, _prefix, open);
            SkipWhitespaceAndNewlines();
            if (Peek().Kind != HoconTokenKind.End)
            {
                throw Error($"unexpected {Peek().Describe()} after the closing '}}' of the root object", Peek());
            }
        }
        else if (Peek().Kind == HoconTokenKind.OpenBracket)
        {
            throw Error("the root of a configuration file must be an object, not an array", Peek());
        }
        else
        {
            ParseObjectBody(target, _prefix, open: null);
        }
    }

    /// <summary>Parses fields into <paramref name="target"/> until the matching '}' (or the end of the file
    /// when <paramref name="open"/> is null: root braces omitted). <paramref name="path"/> is the target's
    /// absolute path, or null for objects inside arrays and concatenations.</summary>
    private void ParseObjectBody(HoconObject target, HoconPath? path, HoconToken? open)
    {
        SkipWhitespaceAndNewlines();
        while (true)
        {
            var token = Peek();
            if (token.Kind == HoconTokenKind.CloseBrace)
            {
                if (open is null)
                {
                    throw Error("unexpected '}' (no object is open)", token);
                }

                Next();
                return;
            }

            if (token.Kind == HoconTokenKind.End)
            {
                if (open is { } o)
                {
                    throw Error($"missing '}}' to close the object opened at line {o.Line}", token);
                }

                return;
            }

            var key = ParseFieldOrInclude(target, path);
            SkipWhitespace();
            token = Peek();
            if (token.Kind == HoconTokenKind.Comma)
            {
                Next();
                SkipWhitespaceAndNewlines();
            }
            else if (token.Kind == HoconTokenKind.Newline)
            {
                SkipWhitespaceAndNewlines();
                if (Peek().Kind == HoconTokenKind.Comma)
                {
                    Next();
                    SkipWhitespaceAndNewlines();
                }
            }
            else if (token.Kind is not (HoconTokenKind.CloseBrace or HoconTokenKind.End))
            {
                throw Error($"expected ',' or a new line after '{key}' but found {token.Describe()}", token, key);
            }
        }
    }

    /// <summary>Parses one field (or include) and returns its key as written, for error messages.</summary>
    private string ParseFieldOrInclude(HoconObject target, HoconPath? path)
    {
        var first = Peek();
        if (first.Kind == HoconTokenKind.Unquoted && first.Text == "include" && IsIncludeDirective())
        {
            ParseInclude(target, path);
            return "include";
        }

        if (first.Kind is not (HoconTokenKind.Unquoted or HoconTokenKind.QuotedString))
        {
            throw Error($"expected a key but found {first.Describe()}", first);
        }

        var keyTokens = new List<HoconToken>();
        while (Peek().Kind is HoconTokenKind.Unquoted or HoconTokenKind.QuotedString or HoconTokenKind.Whitespace)
        {
            keyTokens.Add(Next());
        }

        var origin = Origin(first);
        var key = HoconPath.FromTokens(keyTokens, origin);
        var fieldPath = path?.Append(key);
        var keyText = (fieldPath ?? key).ToString();
        SkipWhitespaceAndNewlines();
        var separator = Peek();
        switch (separator.Kind)
        {
            case HoconTokenKind.Equals or HoconTokenKind.Colon:
                Next();
                SkipWhitespaceAndNewlines();
                break;
            case HoconTokenKind.PlusEquals:
                Next();
                SkipWhitespaceAndNewlines();
                var item = ParseValue(keyText) ?? throw Error("expected a value after '+='", Peek(), keyText);
                var append = new HoconConcatenation(origin, [
                    new HoconSubstitution(fieldPath ?? key, key, optional: true, origin, isSelfReference: true),
                    new HoconArray(item.Origin, [item]),
                ]);
                HoconAssignment.Assign(target, key, append, fieldPath);
                return keyText;
            case HoconTokenKind.OpenBrace:
                break;
            default:
                throw Error($"expected '=', ':', '+=' or '{{' after the key but found {separator.Describe()}", separator, keyText);
        }

        if (Peek().Kind == HoconTokenKind.OpenBrace && IsLoneObject())
        {
            var open = Next();
            var inPlace = HoconAssignment.ObjectAt(target, key, Origin(open));
            ParseObjectBody(inPlace, fieldPath, open);
            return keyText;
        }

        var value = ParseValue(keyText) ?? throw Error($"expected a value but found {Peek().Describe()}", Peek(), keyText);
        HoconAssignment.Assign(target, key, value, fieldPath);
        return keyText;
    }

    /// <summary>Parses the values on one line that make up a value (a concatenation when more than one).
    /// Returns null when no value starts here.</summary>
    private HoconValue? ParseValue(string keyText)
    {
        var parts = new List<HoconValue>();
        HoconToken? pendingSpace = null;
        var origin = Origin(Peek());
        while (true)
        {
            var token = Peek();
            HoconValue part;
            switch (token.Kind)
            {
                case HoconTokenKind.Whitespace:
                    pendingSpace = Next();
                    continue;
                case HoconTokenKind.QuotedString:
                    Next();
                    part = new HoconScalar(HoconScalarKind.String, token.Text, Origin(token));
                    break;
                case HoconTokenKind.Unquoted:
                    Next();
                    part = HoconScalar.FromUnquoted(token.Text, Origin(token));
                    break;
                case HoconTokenKind.Substitution:
                    Next();
                    var written = HoconPath.Parse(token.Text, _source);
                    part = new HoconSubstitution(_prefix.Append(written), written, token.Optional, Origin(token));
                    break;
                case HoconTokenKind.OpenBrace:
                    Next();
                    var obj = new HoconObject(Origin(token));
                    ParseObjectBody(obj, path: null, token);
                    part = obj;
                    break;
                case HoconTokenKind.OpenBracket:
                    part = ParseArray(keyText);
                    break;
                case HoconTokenKind.Equals or HoconTokenKind.Colon or HoconTokenKind.PlusEquals:
                    throw Error($"unexpected {token.Describe()} in a value (quote the value if it contains '{token.Text}')", token, keyText);
                default:
                    return Combine(parts, origin);
            }

            if (pendingSpace is { } space && parts.Count > 0)
            {
                parts.Add(new HoconScalar(HoconScalarKind.Whitespace, space.Text, Origin(space)));
            }

            pendingSpace = null;
            parts.Add(part);
        }
    }

    private static HoconValue? Combine(List<HoconValue> parts, HoconOrigin origin)
    {
        if (parts.Count == 0)
        {
            return null;
        }

        if (parts.Count == 1)
        {
            return parts[0];
        }

        if (parts.TrueForAll(p => p is HoconScalar))
        {
            // Only simple values: the concatenation is a string now (`null bar 42` is the string "null bar 42").
            return new HoconScalar(HoconScalarKind.String, string.Concat(parts.Cast<HoconScalar>().Select(s => s.Text)), origin);
        }

        return new HoconConcatenation(origin, parts);
    }

    private HoconArray ParseArray(string keyText)
    {
        var open = Next();
        var array = new HoconArray(Origin(open));
        SkipWhitespaceAndNewlines();
        while (true)
        {
            var token = Peek();
            switch (token.Kind)
            {
                case HoconTokenKind.CloseBracket:
                    Next();
                    return array;
                case HoconTokenKind.End:
                    throw Error($"missing ']' to close the array opened at line {open.Line}", token, keyText);
                case HoconTokenKind.Comma:
                    throw Error("unexpected ',' in an array (two commas, or a comma before the first element)", token, keyText);
            }

            var element = ParseValue(keyText) ?? throw Error($"expected an array element but found {Peek().Describe()}", Peek(), keyText);
            array.Items.Add(element);
            SkipWhitespace();
            token = Peek();
            if (token.Kind == HoconTokenKind.Comma)
            {
                Next();
                SkipWhitespaceAndNewlines();
            }
            else if (token.Kind == HoconTokenKind.Newline)
            {
                SkipWhitespaceAndNewlines();
                if (Peek().Kind == HoconTokenKind.Comma)
                {
                    Next();
                    SkipWhitespaceAndNewlines();
                }
            }
            else if (token.Kind != HoconTokenKind.CloseBracket)
            {
                throw Error($"expected ',', a new line or ']' in the array but found {token.Describe()}", token, keyText);
            }
        }
    }

    private bool IsIncludeDirective()
    {
        var i = _pos + 1;
        while (_tokens[i].Kind == HoconTokenKind.Whitespace)
        {
            i++;
        }

        var next = _tokens[i];
        return i > _pos + 1 && (next.Kind == HoconTokenKind.QuotedString ||
                                (next.Kind == HoconTokenKind.Unquoted && next.Text.EndsWith('(')));
    }

    /// <summary>`include "f"`, `include file("f")`, `include required("f")`, `include required(file("f"))`;
    /// the file is resolved against the including file's folder and must exist.</summary>
    private void ParseInclude(HoconObject target, HoconPath? path)
    {
        var keyword = Next();
        SkipWhitespace();
        var opening = Peek().Kind == HoconTokenKind.Unquoted ? Next().Text : "";
        if (opening is not ("" or "file(" or "required(" or "required(file("))
        {
            throw Error($"unsupported include form '{opening}' (use include \"file\", file(\"...\") or required(...))", keyword, "include");
        }

        var name = Peek();
        if (name.Kind != HoconTokenKind.QuotedString)
        {
            throw Error($"expected a quoted file name after include but found {name.Describe()}", name, "include");
        }

        Next();
        var closing = new string(')', opening.Count(c => c == '('));
        var actual = Peek().Kind == HoconTokenKind.Unquoted ? Next().Text : "";
        if (actual != closing)
        {
            throw Error($"expected '{closing}' after the included file name but found '{actual}'", name, "include");
        }

        var baseDirectory = _directory ?? Directory.GetCurrentDirectory();
        var fullPath = Path.GetFullPath(Path.Combine(baseDirectory, name.Text));
        HoconFiles.ParseFileInto(target, fullPath, path ?? _prefix, _context, Origin(keyword));
    }

    private bool IsLoneObject()
    {
        var depth = 0;
        var i = _pos;
        for (; i < _tokens.Count; i++)
        {
            var kind = _tokens[i].Kind;
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
        while (i < _tokens.Count && _tokens[i].Kind == HoconTokenKind.Whitespace)
        {
            i++;
        }

        return i >= _tokens.Count || _tokens[i].Kind is HoconTokenKind.Newline or HoconTokenKind.Comma or HoconTokenKind.CloseBrace
            or HoconTokenKind.CloseBracket or HoconTokenKind.End;
    }

    private HoconToken Peek() => _tokens[_pos];

    private HoconToken Next() => _tokens[_pos < _tokens.Count - 1 ? _pos++ : _pos];

    private void SkipWhitespace()
    {
        while (Peek().Kind == HoconTokenKind.Whitespace)
        {
            Next();
        }
    }

    private void SkipWhitespaceAndNewlines()
    {
        while (Peek().Kind is HoconTokenKind.Whitespace or HoconTokenKind.Newline)
        {
            Next();
        }
    }

    private HoconOrigin Origin(HoconToken token) => new(_source, token.Line);

    private HoconException Error(string detail, HoconToken at, string? key = null) => new(detail, Origin(at), key);
}
