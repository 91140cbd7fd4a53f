namespace Sn19.Inference.Tokenizers;

using System.Globalization;
using System.Text;

/// <summary>
/// The three code point classes the BPE pre-tokenizer regexes use: <c>\p{L}</c>, <c>\p{N}</c> and <c>\s</c>
/// (the set llama.cpp uses: U+0009–U+000D, U+0020, U+0085, U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029,
/// U+202F, U+205F, U+3000, which is also what .NET's <c>\s</c> matches).
/// </summary>
internal static class CodepointClass
{
    public const byte None = 0;
    public const byte Letter = 1;
    public const byte Number = 2;
    public const byte Whitespace = 4;

    /// <summary>Any code point that exists; distinguishes "other" from "past the end".</summary>
    public const byte Exists = 8;

    private static readonly byte[] Ascii = BuildAscii();

    public static byte Of(Rune rune)
    {
        if (rune.Value < 128)
        {
            return Ascii[rune.Value];
        }

        if (IsExtraWhitespace(rune.Value))
        {
            return Whitespace | Exists;
        }

        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter => Letter | Exists,
            UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => Number | Exists,
            _ => Exists,
        };
    }

    private static bool IsExtraWhitespace(int cp) =>
        cp is 0x85 or 0xA0 or 0x1680 or (>= 0x2000 and <= 0x200A) or 0x2028 or 0x2029 or 0x202F or 0x205F or 0x3000;

    private static byte[] BuildAscii()
    {
        var table = new byte[128];
        for (var c = 0; c < 128; c++)
        {
            table[c] = Exists;
            if (c is (>= 9 and <= 13) or ' ')
            {
                table[c] |= Whitespace;
            }
            else if (c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z'))
            {
                table[c] |= Letter;
            }
            else if (c is >= '0' and <= '9')
            {
                table[c] |= Number;
            }
        }

        return table;
    }
}
