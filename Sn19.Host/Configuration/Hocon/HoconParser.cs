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
    private readonly HoconTokenCursor _cursor;
    private readonly string _source;
    private readonly string? _directory;
    private readonly HoconPath _prefix;
    private readonly HoconIncludeContext _context;

    private HoconParser(List<HoconToken> tokens, string source, string? directory, HoconPath prefix, HoconIncludeContext context)
    {
        _cursor = new HoconTokenCursor(tokens);
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
        _cursor.SkipWhitespaceAndNewlines();
        if (_cursor.Peek().Kind == HoconTokenKind.OpenBrace)
        {
            var open = _cursor.Next();
            ParseObjectBody(target, _prefix, open);
            _cursor.SkipWhitespaceAndNewlines();
            if (_cursor.Peek().Kind != HoconTokenKind.End)
            {
                throw Error($"unexpected {_cursor.Peek().Describe()} after the closing '}}' of the root object", _cursor.Peek());
            }
        }
        else if (_cursor.Peek().Kind == HoconTokenKind.OpenBracket)
        {
            throw Error("the root of a configuration file must be an object, not an array", _cursor.Peek());
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
        _cursor.SkipWhitespaceAndNewlines();
        while (true)
        {
            var token = _cursor.Peek();
            if (token.Kind == HoconTokenKind.CloseBrace)
            {
                if (open is null)
                {
                    throw Error("unexpected '}' (no object is open)", token);
                }

                _cursor.Next();
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
            _cursor.SkipWhitespace();
            token = _cursor.Peek();
            if (token.Kind == HoconTokenKind.Comma)
            {
                _cursor.Next();
                _cursor.SkipWhitespaceAndNewlines();
            }
            else if (token.Kind == HoconTokenKind.Newline)
            {
                _cursor.SkipWhitespaceAndNewlines();
                if (_cursor.Peek().Kind == HoconTokenKind.Comma)
                {
                    _cursor.Next();
                    _cursor.SkipWhitespaceAndNewlines();
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
        var first = _cursor.Peek();
        if (first.Kind == HoconTokenKind.Unquoted && first.Text == "include" && _cursor.IsIncludeDirective())
        {
            ParseInclude(target, path);
            return "include";
        }

        if (first.Kind is not (HoconTokenKind.Unquoted or HoconTokenKind.QuotedString))
        {
            throw Error($"expected a key but found {first.Describe()}", first);
        }

        var keyTokens = new List<HoconToken>();
        while (_cursor.Peek().Kind is HoconTokenKind.Unquoted or HoconTokenKind.QuotedString or HoconTokenKind.Whitespace)
        {
            keyTokens.Add(_cursor.Next());
        }

        var origin = Origin(first);
        var key = HoconPath.FromTokens(keyTokens, origin);
        var fieldPath = path?.Append(key);
        var keyText = (fieldPath ?? key).ToString();
        _cursor.SkipWhitespaceAndNewlines();
        var separator = _cursor.Peek();
        switch (separator.Kind)
        {
            case HoconTokenKind.Equals or HoconTokenKind.Colon:
                _cursor.Next();
                _cursor.SkipWhitespaceAndNewlines();
                break;
            case HoconTokenKind.PlusEquals:
                _cursor.Next();
                _cursor.SkipWhitespaceAndNewlines();
                var item = ParseValue(keyText) ?? throw Error("expected a value after '+='", _cursor.Peek(), keyText);
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

        if (_cursor.Peek().Kind == HoconTokenKind.OpenBrace && _cursor.IsLoneObject())
        {
            var open = _cursor.Next();
            var inPlace = HoconAssignment.ObjectAt(target, key, Origin(open));
            ParseObjectBody(inPlace, fieldPath, open);
            return keyText;
        }

        var value = ParseValue(keyText) ?? throw Error($"expected a value but found {_cursor.Peek().Describe()}", _cursor.Peek(), keyText);
        HoconAssignment.Assign(target, key, value, fieldPath);
        return keyText;
    }

    /// <summary>Parses the values on one line that make up a value (a concatenation when more than one).
    /// Returns null when no value starts here.</summary>
    private HoconValue? ParseValue(string keyText)
    {
        var parts = new List<HoconValue>();
        HoconToken? pendingSpace = null;
        var origin = Origin(_cursor.Peek());
        while (true)
        {
            var token = _cursor.Peek();
            HoconValue part;
            switch (token.Kind)
            {
                case HoconTokenKind.Whitespace:
                    pendingSpace = _cursor.Next();
                    continue;
                case HoconTokenKind.QuotedString:
                    _cursor.Next();
                    part = new HoconScalar(HoconScalarKind.String, token.Text, Origin(token));
                    break;
                case HoconTokenKind.Unquoted:
                    _cursor.Next();
                    part = HoconScalar.FromUnquoted(token.Text, Origin(token));
                    break;
                case HoconTokenKind.Substitution:
                    _cursor.Next();
                    var written = HoconPath.Parse(token.Text, _source);
                    part = new HoconSubstitution(_prefix.Append(written), written, token.Optional, Origin(token));
                    break;
                case HoconTokenKind.OpenBrace:
                    _cursor.Next();
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
                    return HoconConcatenation.Of(parts, origin);
            }

            if (pendingSpace is { } space && parts.Count > 0)
            {
                parts.Add(new HoconScalar(HoconScalarKind.Whitespace, space.Text, Origin(space)));
            }

            pendingSpace = null;
            parts.Add(part);
        }
    }

    private HoconArray ParseArray(string keyText)
    {
        var open = _cursor.Next();
        var array = new HoconArray(Origin(open));
        _cursor.SkipWhitespaceAndNewlines();
        while (true)
        {
            var token = _cursor.Peek();
            switch (token.Kind)
            {
                case HoconTokenKind.CloseBracket:
                    _cursor.Next();
                    return array;
                case HoconTokenKind.End:
                    throw Error($"missing ']' to close the array opened at line {open.Line}", token, keyText);
                case HoconTokenKind.Comma:
                    throw Error("unexpected ',' in an array (two commas, or a comma before the first element)", token, keyText);
            }

            var element = ParseValue(keyText) ?? throw Error($"expected an array element but found {_cursor.Peek().Describe()}", _cursor.Peek(), keyText);
            array.Items.Add(element);
            _cursor.SkipWhitespace();
            token = _cursor.Peek();
            if (token.Kind == HoconTokenKind.Comma)
            {
                _cursor.Next();
                _cursor.SkipWhitespaceAndNewlines();
            }
            else if (token.Kind == HoconTokenKind.Newline)
            {
                _cursor.SkipWhitespaceAndNewlines();
                if (_cursor.Peek().Kind == HoconTokenKind.Comma)
                {
                    _cursor.Next();
                    _cursor.SkipWhitespaceAndNewlines();
                }
            }
            else if (token.Kind != HoconTokenKind.CloseBracket)
            {
                throw Error($"expected ',', a new line or ']' in the array but found {token.Describe()}", token, keyText);
            }
        }
    }

    /// <summary>`include "f"`, `include file("f")`, `include required("f")`, `include required(file("f"))`;
    /// the file is resolved against the including file's folder and must exist.</summary>
    private void ParseInclude(HoconObject target, HoconPath? path)
    {
        var keyword = _cursor.Next();
        _cursor.SkipWhitespace();
        var opening = _cursor.Peek().Kind == HoconTokenKind.Unquoted ? _cursor.Next().Text : "";
        if (opening is not ("" or "file(" or "required(" or "required(file("))
        {
            throw Error($"unsupported include form '{opening}' (use include \"file\", file(\"...\") or required(...))", keyword, "include");
        }

        var name = _cursor.Peek();
        if (name.Kind != HoconTokenKind.QuotedString)
        {
            throw Error($"expected a quoted file name after include but found {name.Describe()}", name, "include");
        }

        _cursor.Next();
        var closing = new string(')', opening.Count(c => c == '('));
        var actual = _cursor.Peek().Kind == HoconTokenKind.Unquoted ? _cursor.Next().Text : "";
        if (actual != closing)
        {
            throw Error($"expected '{closing}' after the included file name but found '{actual}'", name, "include");
        }

        var baseDirectory = _directory ?? Directory.GetCurrentDirectory();
        var fullPath = Path.GetFullPath(Path.Combine(baseDirectory, name.Text));
        HoconFiles.ParseFileInto(target, fullPath, path ?? _prefix, _context, Origin(keyword));
    }

    private HoconOrigin Origin(HoconToken token) => new(_source, token.Line);

    private HoconException Error(string detail, HoconToken at, string? key = null) => new(detail, Origin(at), key);
}
