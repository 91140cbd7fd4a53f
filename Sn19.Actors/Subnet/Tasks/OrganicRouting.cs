namespace Sn19.Actors.Subnet.Tasks;

using Sn19.Actors.Subnet.Contenders;

/// <summary>
/// Which miner serves an organic request (MECHANISM.md "Organic routing", the reference's §8.4 with its
/// quirk 1 fixed): among the task's contenders with capacity left, not yet tried for this request and
/// without a failure in the last <see cref="FailurePause"/>,
///   1. those with a positive latest period score, best first (ties by hotkey); with more than
///      <see cref="SmallField"/> of them only the best three quarters stay;
///   2. those with no score yet (newcomers) join them at the mean score of the scored ones: the reference
///      left them out, and since organic requests cancel synthetics, a busy subnet never tested them;
///   3. one drawn with probability proportional to its score;
///   4. with no scored contender at all (a new subnet, the first period), the least-queried one.
/// </summary>
internal static class OrganicRouting
{
    /// <summary>Tries per request before the first byte reaches the user.</summary>
    public const int Attempts = 3;

    /// <summary>A miner that failed or refused this recently is skipped; long enough to ride out a restart or
    /// a burst, short enough that a period of 30 minutes barely notices.</summary>
    public static readonly TimeSpan FailurePause = TimeSpan.FromSeconds(10);

    /// <summary>Up to this many scored contenders are all candidates (reference: 5).</summary>
    public const int SmallField = 5;

    public static ContenderSummary? Choose(
        IEnumerable<ContenderSummary> contenders, IReadOnlySet<string> tried, IReadOnlyDictionary<string, DateTimeOffset> lastFailure,
        DateTimeOffset now, double uniform)
    {
        var candidates = contenders
            .Where(c => c.HasCapacityLeft && !tried.Contains(c.Hotkey)
                && !(lastFailure.TryGetValue(c.Hotkey, out var failed) && now - failed < FailurePause))
            .ToList();
        var scored = candidates
            .Where(c => c.LastScore > 0)
            .OrderByDescending(c => c.LastScore)
            .ThenBy(c => c.Hotkey, StringComparer.Ordinal)
            .ToList();
        if (scored.Count == 0)
        {
            return candidates.OrderBy(c => c.Queries).ThenBy(c => c.Hotkey, StringComparer.Ordinal).FirstOrDefault();
        }

        var best = scored.Count <= SmallField ? scored : scored.Take(Math.Max(1, scored.Count * 3 / 4)).ToList();
        var prior = scored.Average(c => c.LastScore!.Value);
        var field = best.Select(c => (Contender: c, Score: c.LastScore!.Value))
            .Concat(candidates.Where(c => c.LastScore is null).OrderBy(c => c.Hotkey, StringComparer.Ordinal).Select(c => (Contender: c, Score: prior)))
            .ToList();
        var pick = uniform * field.Sum(f => f.Score);
        foreach (var (contender, score) in field)
        {
            pick -= score;
            if (pick < 0)
            {
                return contender;
            }
        }

        return field[^1].Contender;
    }
}
