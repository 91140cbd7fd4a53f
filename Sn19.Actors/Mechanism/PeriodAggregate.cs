namespace Sn19.Actors.Mechanism;

/// <summary>The period aggregate P of a contender (reference §7 step 5).</summary>
internal static class PeriodAggregate
{
    /// <summary>
    /// Over the scored periods within retention, newest i = 0: w_i = (U_i / ΣU) × decay^i,
    /// P = mult × Σ w_i·score_i / Σ w_i, mult = fewMultiplier when the count ≤ fewThreshold.
    /// P = 0 when nothing is scored or ΣU = 0.
    /// </summary>
    /// <param name="newestFirst">Closed periods, newest first.</param>
    public static PeriodAggregateResult Compute(
        IReadOnlyList<PeriodRecord> newestFirst, DateTimeOffset now, MechanismOptions options)
    {
        var cutoff = now - options.PeriodRetention;
        var count = 0;
        var totalConsumed = 0.0;
        foreach (var p in newestFirst)
        {
            if (p.Score is not null && p.ClosedAt >= cutoff)
            {
                count++;
                totalConsumed += p.Consumed;
            }
        }

        var multiplier = count > options.FewPeriodsThreshold ? 1.0 : options.FewPeriodsMultiplier;
        if (count == 0 || totalConsumed <= 0)
        {
            return new PeriodAggregateResult(0, multiplier, count);
        }

        var decay = 1.0;
        var weighted = 0.0;
        var weights = 0.0;
        foreach (var p in newestFirst)
        {
            if (p.Score is not { } score || p.ClosedAt < cutoff)
            {
                continue;
            }

            var w = p.Consumed / totalConsumed * decay;
            weighted += w * score;
            weights += w;
            decay *= options.PeriodDecay;
        }

        var aggregate = weights > 0 ? multiplier * weighted / weights : 0;
        return new PeriodAggregateResult(aggregate, multiplier, count);
    }
}
