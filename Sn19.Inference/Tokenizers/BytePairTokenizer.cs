namespace Sn19.Inference.Tokenizers;

using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using Sn19.Inference.Gguf;

/// <summary>
/// tokenizer.ggml.model = "gpt2": byte-level BPE driven by merge ranks, as llama.cpp's llm_tokenizer_bpe.
/// <list type="number">
/// <item>Split the fragment into words with the pre-tokenizer of tokenizer.ggml.pre.</item>
/// <item>With ignore_merges (Llama 3), a word that is itself a token is emitted whole.</item>
/// <item>Otherwise start with one symbol per UTF-8 byte (the token of its byte-level character).</item>
/// <item>Queue adjacent pairs that have a merge, by rank (lowest first, leftmost on ties); pop, skip pairs whose
/// symbols changed, merge, queue the new neighbours.</item>
/// <item>Emit each final symbol's token.</item>
/// </list>
/// Pairs are keyed by the two symbols' token ids; a merge whose parts or result are not tokens never applies
/// (well-formed vocabularies have none). Words' ids are remembered in a bounded <see cref="WordCache"/>.
/// </summary>
internal sealed class BytePairTokenizer : TokenizerBase
{
    private readonly IPreTokenizer _preTokenizer;
    private readonly bool _ignoreMerges;
    private readonly int[] _byteTokens;
    private readonly Dictionary<long, (int Rank, int Result)> _merges;
    private readonly WordCache _cache = new(capacity: 100_000, maxWordLength: 64);

    public BytePairTokenizer(Vocabulary vocabulary, IReadOnlyList<string> merges, IPreTokenizer preTokenizer, bool ignoreMerges)
        : base(vocabulary, BuildPiece)
    {
        _preTokenizer = preTokenizer;
        _ignoreMerges = ignoreMerges;
        _byteTokens = new int[256];
        Span<char> one = stackalloc char[1];
        for (var b = 0; b < 256; b++)
        {
            one[0] = ByteLevelAlphabet.Encode((byte)b);
            _byteTokens[b] = vocabulary.TryGetId(one, out var id) ? id : -1;
        }

        _merges = new Dictionary<long, (int, int)>(merges.Count);
        for (var rank = 0; rank < merges.Count; rank++)
        {
            var merge = merges[rank];
            var space = merge.Length > 1 ? merge.IndexOf(' ', 1) : -1;
            if (space < 0)
            {
                throw new GgufFormatException($"tokenizer.ggml.merges entry {rank} '{merge}' is not two tokens separated by a space");
            }

            var left = merge.AsSpan(0, space);
            var right = merge.AsSpan(space + 1);
            if (vocabulary.TryGetId(left, out var leftId) && vocabulary.TryGetId(right, out var rightId)
                && vocabulary.TryGetId(string.Concat(left, right), out var resultId))
            {
                _merges.TryAdd(Key(leftId, rightId), (rank, resultId));
            }
        }
    }

    protected override void EncodeText(ReadOnlySpan<char> text, bool afterSpecialOrStart, List<int> output)
    {
        var words = new List<(int Start, int Length)>();
        _preTokenizer.Split(text, words);
        var queue = new PriorityQueue<Bigram, long>();

        // One buffer pair for the whole fragment: a UTF-16 char is at most 3 UTF-8 bytes.
        var capacity = Encoding.UTF8.GetMaxByteCount(words.Count == 0 ? 0 : words.Max(w => w.Length));
        var bytes = ArrayPool<byte>.Shared.Rent(capacity);
        var symbols = ArrayPool<Symbol>.Shared.Rent(capacity);
        try
        {
            foreach (var (start, length) in words)
            {
                var word = text.Slice(start, length);
                if (_cache.TryGet(word, out var cached))
                {
                    output.AddRange(cached);
                    continue;
                }

                var first = output.Count;
                var byteCount = Encoding.UTF8.GetBytes(word, bytes);
                EncodeWord(bytes.AsSpan(0, byteCount), symbols, queue, output);
                _cache.Add(word, CollectionsMarshal.AsSpan(output)[first..]);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
            ArrayPool<Symbol>.Shared.Return(symbols);
        }
    }

    private static long Key(int left, int right) => ((long)left << 32) | (uint)right;

    private static byte[] BuildPiece(Vocabulary vocabulary, int id)
    {
        var text = vocabulary.Tokens[id];
        if (vocabulary.Types[id] == TokenType.UserDefined)
        {
            return Encoding.UTF8.GetBytes(text);
        }

        var bytes = new List<byte>(text.Length);
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.IsBmp && ByteLevelAlphabet.TryDecode((char)rune.Value, out var b))
            {
                bytes.Add(b);
            }
            else
            {
                // Not a byte-level character: keep its own UTF-8 rather than lose it.
                bytes.AddRange(utf8[..rune.EncodeToUtf8(utf8)]);
            }
        }

        return [.. bytes];
    }

    private void EncodeWord(ReadOnlySpan<byte> bytes, Symbol[] symbols, PriorityQueue<Bigram, long> queue, List<int> output)
    {
        var byteCount = bytes.Length;
        if (byteCount == 0)
        {
            return;
        }

        if (_ignoreMerges && TryWholeWord(bytes, out var whole))
        {
            output.Add(whole);
            return;
        }

        for (var i = 0; i < byteCount; i++)
        {
            symbols[i] = new Symbol(_byteTokens[bytes[i]], i - 1, i + 1 < byteCount ? i + 1 : -1);
        }

        queue.Clear();
        for (var i = 1; i < byteCount; i++)
        {
            TryQueue(symbols, i - 1, i, queue);
        }

        while (queue.TryDequeue(out var bigram, out var key))
        {
            var leftIndex = (int)(uint)key;
            ref var left = ref symbols[leftIndex];
            ref var right = ref symbols[bigram.Right];
            if (left.Token != bigram.LeftToken || right.Token != bigram.RightToken || left.Dead || right.Dead)
            {
                continue; // stale: a side was merged away or changed since the pair was queued
            }

            left.Token = bigram.Result;
            right.Dead = true;
            left.Next = right.Next;
            if (right.Next >= 0)
            {
                symbols[right.Next].Prev = leftIndex;
            }

            TryQueue(symbols, left.Prev, leftIndex, queue);
            TryQueue(symbols, leftIndex, left.Next, queue);
        }

        for (var i = 0; i != -1; i = symbols[i].Next)
        {
            if (symbols[i].Token >= 0)
            {
                output.Add(symbols[i].Token);
            }
        }
    }

    private bool TryWholeWord(ReadOnlySpan<byte> bytes, out int id)
    {
        Span<char> chars = bytes.Length <= 256 ? stackalloc char[bytes.Length] : new char[bytes.Length];
        for (var i = 0; i < bytes.Length; i++)
        {
            chars[i] = ByteLevelAlphabet.Encode(bytes[i]);
        }

        return Vocabulary.TryGetId(chars, out id);
    }

    private void TryQueue(Symbol[] symbols, int left, int right, PriorityQueue<Bigram, long> queue)
    {
        if (left < 0 || right < 0)
        {
            return;
        }

        var leftToken = symbols[left].Token;
        var rightToken = symbols[right].Token;
        if (leftToken >= 0 && rightToken >= 0 && _merges.TryGetValue(Key(leftToken, rightToken), out var merge))
        {
            // Lowest rank first, then leftmost: one long key keeps the heap's comparisons cheap.
            queue.Enqueue(new Bigram(right, leftToken, rightToken, merge.Result), ((long)merge.Rank << 32) | (uint)left);
        }
    }

    private struct Symbol(int token, int prev, int next)
    {
        public int Token = token;
        public int Prev = prev;
        public int Next = next;
        public bool Dead;
    }

    private readonly record struct Bigram(int Right, int LeftToken, int RightToken, int Result);
}
