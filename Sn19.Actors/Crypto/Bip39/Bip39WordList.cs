namespace Sn19.Actors.Crypto.Bip39;

using System.Collections.Frozen;

/// <summary>The 2048-word BIP-0039 English list, loaded once from the embedded resource english.txt.</summary>
internal static class Bip39WordList
{
    public const int Count = 2048;

    private static readonly Lazy<(string[] Words, FrozenDictionary<string, int> Index)> Data = new(Load);

    public static string Word(int index) => Data.Value.Words[index];

    public static bool TryIndex(string word, out int index) => Data.Value.Index.TryGetValue(word, out index);

    private static (string[] Words, FrozenDictionary<string, int> Index) Load()
    {
        var assembly = typeof(Bip39WordList).Assembly;
        using var stream = assembly.GetManifestResourceStream("Sn19.Actors.Crypto.Bip39.english.txt")
            ?? throw new InvalidOperationException("the embedded BIP-0039 word list is missing from Sn19.Actors");
        using var reader = new StreamReader(stream);
        var words = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length != Count)
        {
            throw new InvalidOperationException($"the BIP-0039 word list has {words.Length} words, expected {Count}");
        }

        var index = words.Select((w, i) => (w, i)).ToFrozenDictionary(p => p.w, p => p.i, StringComparer.Ordinal);
        return (words, index);
    }
}
