namespace Sn19.Inference.Tokenizers;

/// <summary>
/// GPT-2's pre-tokenizer regex, hand-written over code points (no regex engine; astral-plane letters classify
/// correctly):
/// <code>'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+</code>
/// The trailing <c>\s+</c> is how unmatched whitespace is kept (e.g. a tab before a letter), as llama.cpp does.
/// </summary>
internal sealed class Gpt2PreTokenizer : IPreTokenizer
{
    public static readonly Gpt2PreTokenizer Instance = new();

    private const byte Word = CodepointClass.Letter | CodepointClass.Number | CodepointClass.Whitespace;

    public void Split(ReadOnlySpan<char> text, List<(int Start, int Length)> pieces)
    {
        var cursor = new CodepointCursor(text);
        var pos = 0;
        while (pos < text.Length)
        {
            var start = pos;
            pos = NextEnd(cursor, pos);
            pieces.Add((start, pos - start));
        }
    }

    private static int NextEnd(CodepointCursor cursor, int pos)
    {
        var c = cursor.At(pos, out var width);

        // 's|'t|'re|'ve|'m|'ll|'d (case-sensitive)
        if (c == '\'')
        {
            var c1 = cursor.At(pos + 1);
            if (c1 is 's' or 't' or 'm' or 'd')
            {
                return pos + 2;
            }

            var c2 = cursor.At(pos + 2);
            if ((c1 == 'r' && c2 == 'e') || (c1 == 'v' && c2 == 'e') || (c1 == 'l' && c2 == 'l'))
            {
                return pos + 3;
            }
        }

        // An optional single U+0020 prefixes a letter run, a number run or an "other" run.
        var lead = c == ' ' ? cursor.Class(pos + 1) : cursor.Class(pos);
        var body = c == ' ' ? pos + 1 : pos;
        if ((lead & CodepointClass.Letter) != 0)
        {
            return cursor.SkipWhile(body, static k => (k & CodepointClass.Letter) != 0);
        }

        if ((lead & CodepointClass.Number) != 0)
        {
            return cursor.SkipWhile(body, static k => (k & CodepointClass.Number) != 0);
        }

        if ((lead & Word) == 0 && lead != CodepointClass.None)
        {
            return cursor.SkipWhile(body, static k => (k & Word) == 0 && k != CodepointClass.None);
        }

        // Every whitespace code point is a single UTF-16 char, so "the last one" is wsEnd - 1.
        var wsEnd = cursor.SkipWhile(pos, static k => (k & CodepointClass.Whitespace) != 0);
        if (wsEnd > pos)
        {
            // \s+(?!\S): a run of two or more followed by a non-space gives its last character to the next piece.
            return wsEnd - pos > 1 && wsEnd < cursor.Length ? wsEnd - 1 : wsEnd;
        }

        return pos + width;
    }
}
