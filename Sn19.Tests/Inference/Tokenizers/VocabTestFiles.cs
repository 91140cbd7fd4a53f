namespace Sn19.Tests.Inference.Tokenizers;

using System.Collections.Concurrent;
using System.Globalization;
using Sn19.Inference.Gguf;
using Sn19.Inference.Tokenizers;
using Sn19.Tests.TestSupport;

/// <summary>
/// llama.cpp's tokenizer test pairs (test-tokenizer-0): the .inp file is the texts, each followed by the separator
/// "\n__ggml_vocab_test__\n" (so a text never includes the newline before the separator, but may contain newlines
/// of its own); the .out file has one line per text, the expected ids separated by spaces.
/// Tokenizers are loaded once per file and shared (they are immutable).
/// </summary>
internal static class VocabTestFiles
{
    private const string Separator = "\n__ggml_vocab_test__\n";

    private static readonly ConcurrentDictionary<string, Lazy<ITokenizer>> Tokenizers = new(StringComparer.Ordinal);

    public static ITokenizer Tokenizer(string vocab) =>
        Tokenizers.GetOrAdd(vocab, v => new Lazy<ITokenizer>(() =>
        {
            using var file = GgufFile.Open(TestPaths.Tokenizer($"ggml-vocab-{v}.gguf"));
            return TokenizerFactory.FromGguf(file);
        })).Value;

    public static IReadOnlyList<string> Texts(string vocab)
    {
        var raw = File.ReadAllText(TestPaths.Tokenizer($"ggml-vocab-{vocab}.gguf.inp"));
        var texts = new List<string>();
        var at = 0;
        while (at < raw.Length)
        {
            var next = raw.IndexOf(Separator, at, StringComparison.Ordinal);
            if (next < 0)
            {
                texts.Add(raw[at..]);
                break;
            }

            texts.Add(raw[at..next]);
            at = next + Separator.Length;
        }

        return texts;
    }

    public static IReadOnlyList<int[]> ExpectedIds(string vocab)
    {
        var lines = File.ReadAllText(TestPaths.Tokenizer($"ggml-vocab-{vocab}.gguf.out")).Split('\n');
        var count = lines[^1].Length == 0 ? lines.Length - 1 : lines.Length;
        return lines.Take(count)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray())
            .ToArray();
    }

    /// <summary>(vocab, index) rows for every text of the given vocabularies.</summary>
    public static TheoryData<string, int> Cases(params string[] vocabs)
    {
        var data = new TheoryData<string, int>();
        foreach (var vocab in vocabs)
        {
            for (var i = 0; i < Texts(vocab).Count; i++)
            {
                data.Add(vocab, i);
            }
        }

        return data;
    }
}
