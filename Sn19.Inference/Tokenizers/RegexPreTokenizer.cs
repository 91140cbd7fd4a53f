namespace Sn19.Inference.Tokenizers;

using System.Text.RegularExpressions;

/// <summary>
/// A pre-tokenizer given as regexes applied in turn, each splitting the pieces the previous one produced into its
/// matches and the unmatched gaps (llama.cpp's unicode_regex_split). Used for tokenizer.ggml.pre "default" and as an
/// independent reference for the hand-written splitters in tests. .NET regexes classify UTF-16 units, so a letter or
/// digit outside the Basic Multilingual Plane is not <c>\p{L}</c>/<c>\p{N}</c> here.
/// </summary>
internal sealed class RegexPreTokenizer : IPreTokenizer
{
    /// <summary>llama.cpp's fallback for BPE vocabularies whose pre-tokenizer is "default".</summary>
    public static readonly RegexPreTokenizer Default = new(
        @"[\p{P}\$\+<=>\^~\|]+",
        @"'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)",
        @"\p{N}+",
        "[0-9][0-9][0-9]");

    private readonly Regex[] _patterns;

    public RegexPreTokenizer(params string[] patterns) =>
        _patterns = Array.ConvertAll(
            patterns,
            p => new Regex(p, RegexOptions.Compiled | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(5)));

    public void Split(ReadOnlySpan<char> text, List<(int Start, int Length)> pieces)
    {
        var current = new List<(int Start, int Length)> { (0, text.Length) };
        var next = new List<(int Start, int Length)>();
        foreach (var pattern in _patterns)
        {
            next.Clear();
            foreach (var (start, length) in current)
            {
                var at = start;
                foreach (var match in pattern.EnumerateMatches(text.Slice(start, length)))
                {
                    if (match.Length == 0)
                    {
                        continue;
                    }

                    var matchStart = start + match.Index;
                    if (matchStart > at)
                    {
                        next.Add((at, matchStart - at));
                    }

                    next.Add((matchStart, match.Length));
                    at = matchStart + match.Length;
                }

                if (at < start + length)
                {
                    next.Add((at, start + length - at));
                }
            }

            (current, next) = (next, current);
        }

        pieces.AddRange(current);
    }
}
