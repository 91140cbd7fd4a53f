namespace Sn19.Inference.Tokenizers;

/// <summary>
/// Finds special tokens written literally in text, as llama.cpp's tokenizer_st_partition does: user-defined tokens
/// always; control and unknown tokens only when the caller asks to parse special tokens. Tokens are tried longest
/// first, each splitting the raw-text fragments left by the longer ones at every non-overlapping occurrence.
/// </summary>
internal sealed class SpecialTokenSplitter
{
    private readonly (string Text, int Id)[] _always;
    private readonly (string Text, int Id)[] _withParseSpecial;

    public SpecialTokenSplitter(Vocabulary vocabulary)
    {
        var always = new List<(string, int)>();
        var all = new List<(string, int)>();
        for (var id = 0; id < vocabulary.Count; id++)
        {
            var text = vocabulary.Tokens[id];
            if (text.Length == 0)
            {
                continue;
            }

            switch (vocabulary.Types[id])
            {
                case TokenType.UserDefined:
                    always.Add((text, id));
                    all.Add((text, id));
                    break;
                case TokenType.Control or TokenType.Unknown:
                    all.Add((text, id));
                    break;
                default:
                    break;
            }
        }

        // Stable sort: equal lengths keep id order, so results do not depend on hashing or sort instability.
        _always = [.. always.OrderByDescending(t => t.Item1.Length)];
        _withParseSpecial = [.. all.OrderByDescending(t => t.Item1.Length)];
    }

    /// <summary>Splits <paramref name="text"/> into fragments, in order; empty text gives none.</summary>
    public List<TextFragment> Split(string text, bool parseSpecial)
    {
        var fragments = new List<TextFragment>();
        if (text.Length == 0)
        {
            return fragments;
        }

        fragments.Add(new TextFragment(0, text.Length, -1));
        var specials = parseSpecial ? _withParseSpecial : _always;
        List<TextFragment>? next = null;
        foreach (var (special, id) in specials)
        {
            if (!text.Contains(special, StringComparison.Ordinal))
            {
                continue;
            }

            next ??= [];
            next.Clear();
            foreach (var fragment in fragments)
            {
                if (!fragment.IsText)
                {
                    next.Add(fragment);
                    continue;
                }

                var at = fragment.Start;
                var end = fragment.Start + fragment.Length;
                while (at < end)
                {
                    var found = text.AsSpan(at, end - at).IndexOf(special, StringComparison.Ordinal);
                    if (found < 0)
                    {
                        break;
                    }

                    if (found > 0)
                    {
                        next.Add(new TextFragment(at, found, -1));
                    }

                    next.Add(new TextFragment(at + found, special.Length, id));
                    at += found + special.Length;
                }

                if (at < end)
                {
                    next.Add(new TextFragment(at, end - at, -1));
                }
            }

            (fragments, next) = (next, fragments);
        }

        return fragments;
    }
}
