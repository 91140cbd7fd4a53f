namespace Sn19.Inference.Generation;

using System.Text;

/// <summary>
/// Finds stop strings in the generated text as it streams. When one completes, the current step's text is
/// cut where the stop string starts; text already emitted by earlier steps (a stop string's first
/// characters, when it spans steps) stays emitted.
/// </summary>
internal sealed class StopMatcher(IReadOnlyList<string> stops)
{
    private readonly StringBuilder _text = new();
    private readonly int _longest = stops.Count == 0 ? 0 : stops.Max(s => s.Length);

    /// <summary>Adds <paramref name="piece"/>; true when a stop string completed (then <paramref name="piece"/> is cut).</summary>
    public bool Feed(ref string piece)
    {
        if (_longest == 0 || piece.Length == 0)
        {
            return false;
        }

        var before = _text.Length;
        _text.Append(piece);
        var from = Math.Max(0, before - _longest + 1);
        var window = _text.ToString(from, _text.Length - from);
        var cut = -1;
        foreach (var stop in stops)
        {
            if (stop.Length == 0)
            {
                continue;
            }

            var at = window.IndexOf(stop, StringComparison.Ordinal);
            if (at >= 0 && (cut < 0 || from + at < cut))
            {
                cut = from + at;
            }
        }

        if (cut < 0)
        {
            return false;
        }

        piece = piece[..Math.Max(0, cut - before)];
        return true;
    }
}
