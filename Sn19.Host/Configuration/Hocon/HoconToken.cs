namespace Sn19.Host.Configuration.Hocon;

/// <summary>One lexical token. <see cref="Text"/> is the decoded value for strings, the raw text for
/// unquoted text and whitespace, and the path expression (without `${`, `?` and `}`) for substitutions.</summary>
internal readonly record struct HoconToken(HoconTokenKind Kind, string Text, int Line, bool Optional = false)
{
    public string Describe() => Kind switch
    {
        HoconTokenKind.End => "the end of the file",
        HoconTokenKind.Newline => "a new line",
        HoconTokenKind.Whitespace => "whitespace",
        HoconTokenKind.QuotedString => $"\"{Text}\"",
        HoconTokenKind.Substitution => $"${{{(Optional ? "?" : "")}{Text}}}",
        _ => $"'{Text}'",
    };
}
