namespace Sn19.Host.Configuration.Hocon;

internal enum HoconTokenKind
{
    End,
    Newline,
    Whitespace,
    OpenBrace,
    CloseBrace,
    OpenBracket,
    CloseBracket,
    Comma,
    Equals,
    Colon,
    PlusEquals,
    QuotedString,
    Unquoted,
    Substitution,
}
