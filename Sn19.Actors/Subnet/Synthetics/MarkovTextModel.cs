namespace Sn19.Actors.Subnet.Synthetics;

/// <summary>
/// A word-level Markov chain of order two built from a plain-text corpus. It writes text that reads like
/// the corpus without repeating it, so miners cannot cache answers to synthetic prompts.
/// </summary>
/// <remarks>
/// Transitions are stored as parallel arrays of word ids; building 10,000 words of corpus takes a few
/// milliseconds and generation allocates only the output string.
/// </remarks>
public sealed class MarkovTextModel
{
    private readonly string[] _words;
    private readonly Dictionary<(int, int), int[]> _next;
    private readonly (int, int)[] _starts;

    private MarkovTextModel(string[] words, Dictionary<(int, int), int[]> next, (int, int)[] starts)
    {
        _words = words;
        _next = next;
        _starts = starts;
    }

    /// <summary>Distinct words in the corpus.</summary>
    public int VocabularySize => _words.Length;

    /// <summary>Builds the chain. Paragraphs (blank-line separated) and sentence ends start new chains.</summary>
    public static MarkovTextModel Build(string corpus)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var words = new List<string>();
        var next = new Dictionary<(int, int), List<int>>();
        var starts = new List<(int, int)>();

        foreach (var paragraph in corpus.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n"))
        {
            var tokens = paragraph.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (tokens.Length < 3)
            {
                continue;
            }

            var sequence = tokens.Select(t => Intern(t, ids, words)).ToArray();
            starts.Add((sequence[0], sequence[1]));
            for (var i = 2; i < sequence.Length; i++)
            {
                var key = (sequence[i - 2], sequence[i - 1]);
                if (!next.TryGetValue(key, out var list))
                {
                    next[key] = list = [];
                }

                list.Add(sequence[i]);
                if (EndsSentence(words[sequence[i - 1]]))
                {
                    starts.Add((sequence[i - 1], sequence[i]));
                }
            }
        }

        if (starts.Count == 0)
        {
            throw new ArgumentException("The corpus has no paragraph of three words or more.", nameof(corpus));
        }

        return new MarkovTextModel(
            words.ToArray(),
            next.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray()),
            starts.ToArray());
    }

    /// <summary>Writes exactly <paramref name="wordCount"/> words, restarting the chain at dead ends.</summary>
    public string Generate(Random random, int wordCount)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfNegative(wordCount);
        var output = new List<string>(wordCount);
        var state = _starts[random.Next(_starts.Length)];
        if (wordCount > 0)
        {
            output.Add(Capitalise(_words[state.Item1]));
        }

        if (wordCount > 1)
        {
            output.Add(_words[state.Item2]);
        }

        while (output.Count < wordCount)
        {
            if (_next.TryGetValue(state, out var candidates))
            {
                var word = candidates[random.Next(candidates.Length)];
                output.Add(_words[word]);
                state = (state.Item2, word);
            }
            else
            {
                state = _starts[random.Next(_starts.Length)];
                output.Add(Capitalise(_words[state.Item1]));
                if (output.Count < wordCount)
                {
                    output.Add(_words[state.Item2]);
                }
            }
        }

        return string.Join(' ', output);
    }

    private static int Intern(string word, Dictionary<string, int> ids, List<string> words)
    {
        if (!ids.TryGetValue(word, out var id))
        {
            id = words.Count;
            ids[word] = id;
            words.Add(word);
        }

        return id;
    }

    private static bool EndsSentence(string word) => word.EndsWith('.') || word.EndsWith('!') || word.EndsWith('?');

    private static string Capitalise(string word) =>
        word.Length == 0 || char.IsUpper(word[0]) ? word : char.ToUpperInvariant(word[0]) + word[1..];
}
