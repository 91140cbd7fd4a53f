namespace Sn19.Tests.Inference.Tokenizers;

using FsCheck;
using FsCheck.Fluent;
using Sn19.Inference.Tokenizers;

/// <summary>
/// The hand-written pre-tokenizers must split exactly as their regexes do (run by .NET's regex engine, gaps kept as
/// pieces like llama.cpp's unicode_regex_split), on random text mixing every class the patterns distinguish.
/// Astral-plane characters are left out here because .NET classifies them per UTF-16 unit; they have their own test.
/// </summary>
public sealed class PreTokenizerTests
{
    private const string Gpt2Pattern = @"'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)";
    private const string Llama3Pattern =
        @"(?:'[sS]|'[tT]|'[rR][eE]|'[vV][eE]|'[mM]|'[lL][lL]|'[dD])|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+";
    private const string Qwen2Pattern =
        @"(?:'[sS]|'[tT]|'[rR][eE]|'[vV][eE]|'[mM]|'[lL][lL]|'[dD])|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+";

    // Letters (Latin, accented, Cyrillic, CJK, a modifier letter), numbers (ASCII, Arabic-Indic, superscript No,
    // Roman Nl), whitespace (incl. NBSP and ideographic space), punctuation and the contraction letters.
    private static readonly char[] Alphabet =
        "aAsStTrReEvVmMlLdD'  \t\n\r\u00A0\u3000\u2028éЖ中ʰ09٣²Ⅻ!.,-?\"$+<=>^~|_@#()".ToCharArray();

    [Fact]
    public void Gpt2PreTokenizer_RandomText_SplitsAsItsRegex() =>
        CheckAgainstRegex(Gpt2PreTokenizer.Instance, new RegexPreTokenizer(Gpt2Pattern));

    [Fact]
    public void Llama3PreTokenizer_RandomText_SplitsAsItsRegex() =>
        CheckAgainstRegex(Llama3PreTokenizer.Llama3, new RegexPreTokenizer(Llama3Pattern));

    [Fact]
    public void Qwen2PreTokenizer_RandomText_SplitsAsItsRegex() =>
        CheckAgainstRegex(Llama3PreTokenizer.Qwen2, new RegexPreTokenizer(Qwen2Pattern));

    [Theory]
    [InlineData("Hello world", new[] { "Hello", " world" })]
    [InlineData("   Hello", new[] { "  ", " Hello" })]
    [InlineData("\tHello", new[] { "\t", "Hello" })]
    [InlineData("I'll 've", new[] { "I", "'ll", " '", "ve" })]
    [InlineData("𝕏𝕏 9", new[] { "𝕏𝕏", " 9" })] // astral letters are letters
    [InlineData("🦙🦙a", new[] { "🦙🦙", "a" })]
    public void Gpt2PreTokenizer_KnownText_GivesKnownPieces(string text, string[] expected) =>
        Assert.Equal(expected, Pieces(Gpt2PreTokenizer.Instance, text));

    [Theory]
    [InlineData("Hello world", new[] { "Hello", " world" })]
    [InlineData("12345", new[] { "123", "45" })]
    [InlineData("I'LL go\n\n  x", new[] { "I", "'LL", " go", "\n\n", " ", " x" })]
    [InlineData("🦙a", new[] { "🦙a" })] // one non-letter code point may lead a letter run
    [InlineData("a!!\n\nb", new[] { "a", "!!\n\n", "b" })]
    public void Llama3PreTokenizer_KnownText_GivesKnownPieces(string text, string[] expected) =>
        Assert.Equal(expected, Pieces(Llama3PreTokenizer.Llama3, text));

    private static void CheckAgainstRegex(IPreTokenizer subject, IPreTokenizer reference)
    {
        var texts = Gen.Elements(Alphabet).ArrayOf().Select(chars => new string(chars)).ToArbitrary();
        var property = Prop.ForAll(texts, text =>
        {
            var actual = Pieces(subject, text);
            var expected = Pieces(reference, text);
            return actual.SequenceEqual(expected)
                .Label($"text {Escape(text)}: got [{string.Join("|", actual.Select(Escape))}], regex gives [{string.Join("|", expected.Select(Escape))}]");
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(2000).WithEndSize(40).WithReplay(20261121, 1), property);
    }

    private static string[] Pieces(IPreTokenizer preTokenizer, string text)
    {
        var pieces = new List<(int Start, int Length)>();
        preTokenizer.Split(text, pieces);
        Assert.Equal(text.Length, pieces.Sum(p => p.Length));
        return [.. pieces.Select(p => text.Substring(p.Start, p.Length))];
    }

    private static string Escape(string s) =>
        s.Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal);
}
