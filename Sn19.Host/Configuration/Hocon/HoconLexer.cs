namespace Sn19.Host.Configuration.Hocon;

using System.Globalization;
using System.Text;

/// <summary>
/// Turns HOCON text into tokens. Comments (`#`, `//`) are dropped but the new line that ends them is kept,
/// because new lines separate fields. Whitespace is kept as tokens: value concatenation preserves the
/// whitespace between simple values.
/// </summary>
internal sealed class HoconLexer
{
    // Characters that may not appear in an unquoted string (HOCON spec, "Unquoted strings").
    private const string Forbidden = "$\"{}[]:=,+#`^?!@*&\\";

    private readonly string _text;
    private readonly string _source;
    private int _pos;
    private int _line = 1;

    private HoconLexer(string text, string source)
    {
        _text = text;
        _source = source;
    }

    public static List<HoconToken> Tokenize(string text, string source) => new HoconLexer(text, source).Run();

    private List<HoconToken> Run()
    {
        var tokens = new List<HoconToken>();
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (c == '\n')
            {
                tokens.Add(new HoconToken(HoconTokenKind.Newline, "\n", _line));
                _pos++;
                _line++;
            }
            else if (IsWhitespace(c))
            {
                tokens.Add(ReadWhitespace());
            }
            else if (c == '#' || (c == '/' && Peek(1) == '/'))
            {
                SkipComment();
            }
            else
            {
                tokens.Add(ReadToken(c));
            }
        }

        tokens.Add(new HoconToken(HoconTokenKind.End, "", _line));
        return tokens;
    }

    private HoconToken ReadToken(char c)
    {
        var line = _line;
        switch (c)
        {
            case '{': _pos++; return new HoconToken(HoconTokenKind.OpenBrace, "{", line);
            case '}': _pos++; return new HoconToken(HoconTokenKind.CloseBrace, "}", line);
            case '[': _pos++; return new HoconToken(HoconTokenKind.OpenBracket, "[", line);
            case ']': _pos++; return new HoconToken(HoconTokenKind.CloseBracket, "]", line);
            case ',': _pos++; return new HoconToken(HoconTokenKind.Comma, ",", line);
            case '=': _pos++; return new HoconToken(HoconTokenKind.Equals, "=", line);
            case ':': _pos++; return new HoconToken(HoconTokenKind.Colon, ":", line);
            case '+' when Peek(1) == '=':
                _pos += 2;
                return new HoconToken(HoconTokenKind.PlusEquals, "+=", line);
            case '$' when Peek(1) == '{':
                return ReadSubstitution();
            case '"' when Peek(1) == '"' && Peek(2) == '"':
                return ReadTripleQuoted();
            case '"':
                return ReadQuoted();
            default:
                if (Forbidden.Contains(c, StringComparison.Ordinal))
                {
                    throw Error($"unexpected character '{c}' (quote the value if it contains one of {Forbidden})");
                }

                return ReadUnquoted();
        }
    }

    private HoconToken ReadWhitespace()
    {
        var start = _pos;
        while (_pos < _text.Length && _text[_pos] != '\n' && IsWhitespace(_text[_pos]))
        {
            _pos++;
        }

        return new HoconToken(HoconTokenKind.Whitespace, _text[start.._pos], _line);
    }

    private void SkipComment()
    {
        while (_pos < _text.Length && _text[_pos] != '\n')
        {
            _pos++;
        }
    }

    private HoconToken ReadUnquoted()
    {
        var start = _pos;
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (c == '\n' || IsWhitespace(c) || Forbidden.Contains(c, StringComparison.Ordinal) || (c == '/' && Peek(1) == '/'))
            {
                break;
            }

            _pos++;
        }

        return new HoconToken(HoconTokenKind.Unquoted, _text[start.._pos], _line);
    }

    private HoconToken ReadQuoted()
    {
        var line = _line;
        _pos++;
        var sb = new StringBuilder();
        while (true)
        {
            if (_pos >= _text.Length || _text[_pos] == '\n')
            {
                throw Error("unterminated quoted string (a new line or the end of the file came before the closing \")", line);
            }

            var c = _text[_pos++];
            if (c == '"')
            {
                return new HoconToken(HoconTokenKind.QuotedString, sb.ToString(), line);
            }

            if (c != '\\')
            {
                sb.Append(c);
                continue;
            }

            if (_pos >= _text.Length)
            {
                throw Error("unterminated escape sequence in quoted string", line);
            }

            var e = _text[_pos++];
            switch (e)
            {
                case '"': sb.Append('"'); break;
                case '\\': sb.Append('\\'); break;
                case '/': sb.Append('/'); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case 'u':
                    if (_pos + 4 > _text.Length ||
                        !int.TryParse(_text.AsSpan(_pos, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                    {
                        throw Error("\\u must be followed by four hexadecimal digits", line);
                    }

                    sb.Append((char)code);
                    _pos += 4;
                    break;
                default:
                    throw Error($"unknown escape sequence '\\{e}' in quoted string", line);
            }
        }
    }

    private HoconToken ReadTripleQuoted()
    {
        var line = _line;
        _pos += 3;
        var start = _pos;
        while (_pos < _text.Length)
        {
            if (_text[_pos] == '"' && Peek(1) == '"' && Peek(2) == '"')
            {
                // A run of more than three quotes ends the string with its last three; the rest is content.
                var run = 3;
                while (Peek(run) == '"')
                {
                    run++;
                }

                var end = _pos + run - 3;
                var value = _text[start..end];
                _pos += run;
                return new HoconToken(HoconTokenKind.QuotedString, value, line);
            }

            if (_text[_pos] == '\n')
            {
                _line++;
            }

            _pos++;
        }

        throw Error("unterminated triple-quoted string (no closing \"\"\")", line);
    }

    private HoconToken ReadSubstitution()
    {
        var line = _line;
        _pos += 2;
        var optional = Peek(0) == '?';
        if (optional)
        {
            _pos++;
        }

        var start = _pos;
        var inQuotes = false;
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (c == '\n')
            {
                break;
            }

            if (c == '"')
            {
                inQuotes = !inQuotes;
            }
            else if (c == '\\' && inQuotes)
            {
                _pos++;
            }
            else if (c == '}' && !inQuotes)
            {
                var expression = _text[start.._pos].Trim();
                _pos++;
                if (expression.Length == 0)
                {
                    throw Error("empty substitution ${}", line);
                }

                return new HoconToken(HoconTokenKind.Substitution, expression, line, optional);
            }

            _pos++;
        }

        throw Error("unterminated substitution (missing '}' after '${')", line);
    }

    private char Peek(int offset) => _pos + offset < _text.Length ? _text[_pos + offset] : '\0';

    private HoconException Error(string detail, int? line = null) =>
        new(detail, new HoconOrigin(_source, line ?? _line), key: null);

    internal static bool IsWhitespace(char c) => c != '\n' && (char.IsWhiteSpace(c) || c == '\uFEFF');
}
