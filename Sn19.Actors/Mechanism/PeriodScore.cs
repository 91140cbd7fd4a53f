namespace Sn19.Actors.Mechanism;

/// <summary>The period score of one contender (MECHANISM.md "Per period" 5; reference §5 [N]).</summary>
internal static class PeriodScore
{
    /// <summary>
    /// u = max(C − U, 0) / max(C, 1); g = (T − r429 − r500) / T;
    /// score = max(g × (1 − (r429/T)·u) × (1 − (r500/T)·u)², 0), clamped to [0, 1].
    /// Null (no score) when T = 0 or C = 0.
    /// </summary>
    public static double? Compute(PeriodCounters c)
    {
        if (c.Queries <= 0 || c.Capacity <= 0)
        {
            return null;
        }

        double t = c.Queries;
        var capacity = Math.Max(c.Capacity, 1);
        var unused = Math.Max(capacity - c.Consumed, 0) / capacity;
        var p429 = c.RateLimited / t;
        var p500 = c.Failed / t;
        var good = (t - c.RateLimited - c.Failed) / t;
        var penalty500 = 1 - (p500 * unused);
        var score = good * (1 - (p429 * unused)) * penalty500 * penalty500;

        // Counters are integers bounded by T, so every factor is in [0, 1]; the clamp guards against
        // inconsistent counts (r429 + r500 > T) from a corrupted journal.
        return Math.Clamp(score, 0, 1);
    }
}
