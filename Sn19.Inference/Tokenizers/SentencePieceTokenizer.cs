namespace Sn19.Inference.Tokenizers;

using System.Buffers;
using System.Globalization;
using System.Text;

/// <summary>
/// tokenizer.ggml.model = "llama": SentencePiece BPE driven by token scores, as llama.cpp's llm_tokenizer_spm.
/// <list type="number">
/// <item>Prefix a space when the fragment starts the text or follows a special token (add_space_prefix), then write
/// every space as "▁" (U+2581).</item>
/// <item>Start with one symbol per code point.</item>
/// <item>Queue every adjacent pair whose concatenation is a token, by that token's score (highest first, leftmost
/// on ties).</item>
/// <item>Pop pairs; skip those whose symbols have since changed; merge the rest and queue the new neighbours.</item>
/// <item>Emit each final symbol's token; a symbol with no token (an unseen character) becomes its UTF-8 bytes as
/// &lt;0xNN&gt; byte tokens, or unk when the vocabulary has no byte tokens.</item>
/// </list>
/// </summary>
internal sealed class SentencePieceTokenizer : TokenizerBase
{
    private const char SpaceMarker = '\u2581';

    private readonly int[] _byteTokens;

    public SentencePieceTokenizer(Vocabulary vocabulary)
        : base(vocabulary, BuildPiece)
    {
        _byteTokens = new int[256];
        for (var b = 0; b < 256; b++)
        {
            var text = string.Create(CultureInfo.InvariantCulture, $"<0x{b:X2}>");
            _byteTokens[b] = vocabulary.TryGetId(text, out var id) ? id : vocabulary.UnknownId;
        }
    }

    protected override bool StripsLeadingSpace => Vocabulary.AddSpacePrefix;

    protected override void EncodeText(ReadOnlySpan<char> text, bool afterSpecialOrStart, List<int> output)
    {
        var prefix = Vocabulary.AddSpacePrefix && afterSpecialOrStart ? 1 : 0;
        var length = text.Length + prefix;
        var escaped = ArrayPool<char>.Shared.Rent(length);
        var symbols = ArrayPool<Symbol>.Shared.Rent(length);
        try
        {
            if (prefix == 1)
            {
                escaped[0] = SpaceMarker;
            }

            text.Replace(escaped.AsSpan(prefix, text.Length), ' ', SpaceMarker);
            var chars = escaped.AsSpan(0, length);
            var count = 0;
            for (var at = 0; at < length;)
            {
                var width = char.IsHighSurrogate(chars[at]) && at + 1 < length && char.IsLowSurrogate(chars[at + 1]) ? 2 : 1;
                symbols[count] = new Symbol(at, width, count - 1, count + 1);
                count++;
                at += width;
            }

            if (count > 0)
            {
                symbols[count - 1].Next = -1;
                Merge(chars, symbols.AsSpan(0, count));
                for (var i = 0; i != -1; i = symbols[i].Next)
                {
                    Emit(chars.Slice(symbols[i].Start, symbols[i].Length), output);
                }
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(escaped);
            ArrayPool<Symbol>.Shared.Return(symbols);
        }
    }

    private static byte[] BuildPiece(Vocabulary vocabulary, int id)
    {
        var text = vocabulary.Tokens[id];
        if (vocabulary.Types[id] == TokenType.Byte && TryParseByte(text, out var b))
        {
            return [b];
        }

        // User-defined tokens are literal text; normal ones carry "▁" for spaces.
        return Encoding.UTF8.GetBytes(vocabulary.Types[id] == TokenType.UserDefined ? text : text.Replace(SpaceMarker, ' '));
    }

    private static bool TryParseByte(string text, out byte value)
    {
        value = 0;
        return text.Length == 6 && text.StartsWith("<0x", StringComparison.Ordinal) && text[5] == '>'
            && byte.TryParse(text.AsSpan(3, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
    }

    private void Merge(ReadOnlySpan<char> chars, Span<Symbol> symbols)
    {
        var queue = new PriorityQueue<Bigram, long>(symbols.Length);
        for (var i = 1; i < symbols.Length; i++)
        {
            TryQueue(chars, symbols, i - 1, i, queue);
        }

        while (queue.TryDequeue(out var bigram, out var key))
        {
            var leftIndex = (int)(uint)key;
            ref var left = ref symbols[leftIndex];
            ref var right = ref symbols[bigram.Right];

            // Stale: one side was merged away, or grew since the pair was queued.
            if (left.Length == 0 || right.Length == 0 || left.Length + right.Length != bigram.Length)
            {
                continue;
            }

            left.Length += right.Length;
            right.Length = 0;
            left.Next = right.Next;
            if (right.Next >= 0)
            {
                symbols[right.Next].Prev = leftIndex;
            }

            TryQueue(chars, symbols, left.Prev, leftIndex, queue);
            TryQueue(chars, symbols, leftIndex, left.Next, queue);
        }
    }

    private void TryQueue(ReadOnlySpan<char> chars, Span<Symbol> symbols, int left, int right, PriorityQueue<Bigram, long> queue)
    {
        if (left < 0 || right < 0)
        {
            return;
        }

        var start = symbols[left].Start;
        var length = symbols[left].Length + symbols[right].Length;
        if (Vocabulary.TryGetId(chars.Slice(start, length), out var id))
        {
            queue.Enqueue(new Bigram(right, length), Priority(Vocabulary.Scores[id], left));
        }
    }

    /// <summary>
    /// One long that orders pairs as llama.cpp does: highest score first, then leftmost. The score's bits are mapped
    /// to an unsigned key that sorts like the float, inverted so higher scores come out of the min-heap first.
    /// </summary>
    internal static long Priority(float score, int left)
    {
        var bits = BitConverter.SingleToUInt32Bits(score == 0f ? 0f : score); // -0 sorts as +0
        var ascending = (bits & 0x8000_0000u) != 0 ? ~bits : bits | 0x8000_0000u;
        var key = (ulong)~ascending << 32 | (uint)left;
        return (long)(key ^ 0x8000_0000_0000_0000ul); // unsigned order → signed order for PriorityQueue<_, long>
    }

    private void Emit(ReadOnlySpan<char> symbol, List<int> output)
    {
        if (Vocabulary.TryGetId(symbol, out var id))
        {
            output.Add(id);
            return;
        }

        Span<byte> utf8 = stackalloc byte[8];
        var n = Encoding.UTF8.GetBytes(symbol, utf8);
        foreach (var b in utf8[..n])
        {
            if (_byteTokens[b] >= 0)
            {
                output.Add(_byteTokens[b]);
            }
        }
    }

    private struct Symbol(int start, int length, int prev, int next)
    {
        public int Start = start;
        public int Length = length;
        public int Prev = prev;
        public int Next = next;
    }

    private readonly record struct Bigram(int Right, int Length);
}
