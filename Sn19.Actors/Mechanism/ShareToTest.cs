namespace Sn19.Actors.Mechanism;

/// <summary>The per-contender, per-period draw of the share of capacity to test (reference §4.2).</summary>
internal static class ShareToTest
{
    /// <summary>
    /// Maps one uniform draw u ∈ [0, 1) onto the tiers by cumulative probability. The reference chains
    /// independent draws (0.5, then 0.8, then 0.95); one draw over the cumulative table has the same
    /// distribution and replays from a single seeded number.
    /// </summary>
    public static double Draw(double uniform, IReadOnlyList<ShareToTestTier> tiers)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(uniform);
        var cumulative = 0.0;
        for (var i = 0; i < tiers.Count; i++)
        {
            cumulative += tiers[i].Probability;
            if (uniform < cumulative)
            {
                return tiers[i].Share;
            }
        }

        // Rounding of the cumulative sum can leave u just above it: the last tier takes the rest.
        return tiers[^1].Share;
    }

    /// <summary>Expected share E[m] (0.0674 with the reference tiers).</summary>
    public static double Expected(IReadOnlyList<ShareToTestTier> tiers) => tiers.Sum(t => t.Share * t.Probability);
}
