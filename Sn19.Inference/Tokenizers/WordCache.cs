namespace Sn19.Inference.Tokenizers;

using System.Collections.Concurrent;

/// <summary>
/// Ids of words already encoded, shared by all threads. A word's ids depend only on the word, so a hit gives the
/// same answer as merging again; validators re-tokenising many answers hit it for most words. Bounded: once
/// <c>capacity</c> words are held, nothing more is added (about 100 bytes a word, so 100,000 words ≈ 10 MB).
/// </summary>
internal sealed class WordCache
{
    private readonly ConcurrentDictionary<string, int[]> _words = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly int _capacity;
    private readonly int _maxWordLength;
    private int _count;

    public WordCache(int capacity, int maxWordLength)
    {
        _capacity = capacity;
        _maxWordLength = maxWordLength;
        _lookup = _words.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Count => Volatile.Read(ref _count);

    public bool TryGet(ReadOnlySpan<char> word, out int[] ids) => _lookup.TryGetValue(word, out ids!);

    public void Add(ReadOnlySpan<char> word, ReadOnlySpan<int> ids)
    {
        if (word.Length > _maxWordLength || Volatile.Read(ref _count) >= _capacity)
        {
            return;
        }

        if (_lookup.TryAdd(word, ids.ToArray()))
        {
            Interlocked.Increment(ref _count);
        }
    }
}
