namespace Sn19.Inference.Tokenizers;

/// <summary>
/// The Llama 3 pre-tokenizer regex (tokenizer.ggml.pre "llama-bpe"), hand-written over code points:
/// <code>(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+</code>
/// Qwen 2 uses the same pattern with <c>\p{N}</c> (one digit a piece): <see cref="Qwen2"/>.
/// </summary>
internal sealed class Llama3PreTokenizer(int maxDigits) : IPreTokenizer
{
    public static readonly Llama3PreTokenizer Llama3 = new(3);
    public static readonly Llama3PreTokenizer Qwen2 = new(1);

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

    private static int Lower(int c) => c is >= 'A' and <= 'Z' ? c + 32 : c;

    private int NextEnd(CodepointCursor cursor, int pos)
    {
        var c = cursor.At(pos, out var width);
        var cls = cursor.Class(pos);

        if (c == '\'')
        {
            var c1 = Lower(cursor.At(pos + 1));
            if (c1 is 's' or 't' or 'm' or 'd')
            {
                return pos + 2;
            }

            var c2 = Lower(cursor.At(pos + 2));
            if ((c1 == 'r' && c2 == 'e') || (c1 == 'v' && c2 == 'e') || (c1 == 'l' && c2 == 'l'))
            {
                return pos + 3;
            }
        }

        // [^\r\n\p{L}\p{N}]?\p{L}+
        if (c != '\r' && c != '\n' && (cls & CodepointClass.Number) == 0)
        {
            if ((cls & CodepointClass.Letter) != 0 || (cursor.Class(pos + width) & CodepointClass.Letter) != 0)
            {
                return cursor.SkipWhile(pos + width, static k => (k & CodepointClass.Letter) != 0);
            }
        }

        // \p{N}{1,maxDigits}
        if ((cls & CodepointClass.Number) != 0)
        {
            var end = pos;
            for (var n = 0; n < maxDigits && (cursor.Class(end) & CodepointClass.Number) != 0; n++)
            {
                end += cursor.Width(end);
            }

            return end;
        }

        // ?[^\s\p{L}\p{N}]+[\r\n]*
        var lead = c == ' ' ? cursor.Class(pos + 1) : cls;
        if ((lead & Word) == 0 && lead != CodepointClass.None)
        {
            var end = cursor.SkipWhile(c == ' ' ? pos + 1 : pos, static k => (k & Word) == 0 && k != CodepointClass.None);
            while (cursor.At(end) is '\r' or '\n')
            {
                end++;
            }

            return end;
        }

        // \s*[\r\n]+ ends after the run's last line break; whitespace code points are single UTF-16 chars.
        var wsEnd = pos;
        var lastBreakEnd = -1;
        while ((cursor.Class(wsEnd) & CodepointClass.Whitespace) != 0)
        {
            if (cursor.At(wsEnd) is '\r' or '\n')
            {
                lastBreakEnd = wsEnd + 1;
            }

            wsEnd++;
        }

        if (lastBreakEnd > 0)
        {
            return lastBreakEnd;
        }

        if (wsEnd > pos)
        {
            // \s+(?!\S), then \s+
            return wsEnd - pos > 1 && wsEnd < cursor.Length ? wsEnd - 1 : wsEnd;
        }

        return pos + width;
    }
}
