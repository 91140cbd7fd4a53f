namespace Sn19.Inference.Tokenizers;

using System.Text;

/// <summary>Code point access by UTF-16 index for the hand-written pre-tokenizers (surrogate pairs are one code point).</summary>
internal readonly ref struct CodepointCursor(ReadOnlySpan<char> text)
{
    private readonly ReadOnlySpan<char> _text = text;

    public int Length => _text.Length;

    /// <summary>The code point at <paramref name="index"/> (-1 past the end; a lone surrogate reads as U+FFFD).</summary>
    public int At(int index, out int width)
    {
        if (index >= _text.Length)
        {
            width = 0;
            return -1;
        }

        Rune.DecodeFromUtf16(_text[index..], out var rune, out width);
        return rune.Value;
    }

    public int At(int index) => At(index, out _);

    /// <summary>Class flags of the code point at <paramref name="index"/>; <see cref="CodepointClass.None"/> past the end.</summary>
    public byte Class(int index)
    {
        if (index >= _text.Length)
        {
            return CodepointClass.None;
        }

        Rune.DecodeFromUtf16(_text[index..], out var rune, out _);
        return CodepointClass.Of(rune);
    }

    public int Width(int index)
    {
        At(index, out var width);
        return width;
    }

    /// <summary>Advances past code points while <paramref name="predicate"/> holds for their class.</summary>
    public int SkipWhile(int index, Func<byte, bool> predicate)
    {
        while (index < _text.Length)
        {
            Rune.DecodeFromUtf16(_text[index..], out var rune, out var width);
            if (!predicate(CodepointClass.Of(rune)))
            {
                break;
            }

            index += width;
        }

        return index;
    }
}
