namespace Sn19.Actors.Mechanism;

/// <summary>The period aggregate P of a contender (reference §7 step 5).</summary>
internal static class PeriodAggregate
{
    /// <summary>
    /// Over the scored periods within retention, newest i = 0: w_i = (U_i / ΣU) × decay^i,
    /// P = mult × Σ w_i·score_i / Σ w_i, mult = fewMultiplier when the count ≤ fewThreshold.
    /// P = 0 when nothing is scored or ΣU = 0. ΣU cancels out of the ratio, so one pass from the newest
    /// period back to the retention cutoff computes it.
    /// </summary>
    /// <param name="oldestFirst">Closed periods in the order they closed (the newest last).</param>
    public static PeriodAggregateResult Compute(
        ReadOnlySpan<PeriodRecord> oldestFirst, DateTimeOffset now, MechanismOptions options)
    {
        var cutoff = (now - options.PeriodRetention).UtcTicks;
        var count = 0;
        var decay = 1.0;
        var weighted = 0.0;
        var weights = 0.0;
        for (var k = oldestFirst.Length - 1; k >= 0; k--)
        {
            var p = oldestFirst[k];
            if (p.ClosedAt.UtcTicks < cutoff)
            {
                // Periods close in time order: everything before this one is older still.
                break;
            }

            if (p.Score is not { } score)
            {
                continue;
            }

            var w = Math.Max(p.Consumed, 0) * decay;
            weighted += w * score;
            weights += w;
            decay *= options.PeriodDecay;
            count++;
        }

        var multiplier = count > options.FewPeriodsThreshold ? 1.0 : options.FewPeriodsMultiplier;
        var aggregate = weights > 0 ? multiplier * weighted / weights : 0;
        return new PeriodAggregateResult(aggregate, multiplier, count);
    }
}
