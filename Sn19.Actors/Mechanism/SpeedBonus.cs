namespace Sn19.Actors.Mechanism;

/// <summary>The rank-based speed bonus among the miners of one task (reference §7 step 3, quirk 5 fixed).</summary>
internal static class SpeedBonus
{
    /// <summary>The element at index floor(percentile × n) of the ascending speeds; null when empty.</summary>
    public static double? Percentile(Span<double> speeds, double percentile)
    {
        if (speeds.IsEmpty)
        {
            return null;
        }

        speeds.Sort();
        var index = Math.Min((int)Math.Floor(percentile * speeds.Length), speeds.Length - 1);
        return speeds[index];
    }

    /// <summary>
    /// Writes bonus_h = max × (0.5 − rank_h / (N − 1)) for each metric (rank 0 = fastest), N = number of
    /// entries; 0 for everyone when N ≤ 1. Ties keep input order, so callers pass a stable order (hotkey).
    /// </summary>
    public static void Compute(ReadOnlySpan<double> metrics, Span<double> bonuses, double bonusMax)
    {
        var n = metrics.Length;
        if (n <= 1)
        {
            bonuses[..n].Clear();
            return;
        }

        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
        }

        var keys = metrics.ToArray();
        Array.Sort(order, (a, b) =>
        {
            var byMetric = keys[b].CompareTo(keys[a]);
            return byMetric != 0 ? byMetric : a.CompareTo(b);
        });
        for (var rank = 0; rank < n; rank++)
        {
            bonuses[order[rank]] = bonusMax * (0.5 - ((double)rank / (n - 1)));
        }
    }
}
