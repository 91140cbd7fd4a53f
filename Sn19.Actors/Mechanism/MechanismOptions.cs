namespace Sn19.Actors.Mechanism;

using System.Globalization;
using Microsoft.Extensions.Configuration;

/// <summary>
/// Every constant of the incentive mechanism (the <c>mechanism</c> section, documented in
/// hocon/defaults/mechanism.conf). Defaults are the reference's (nineteen-mechanism.md §4–§7).
/// </summary>
public sealed class MechanismOptions
{
    /// <summary>Length of one scoring period (reference §2.3: 1800 s).</summary>
    [ConfigurationKeyName("period")]
    public TimeSpan Period { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Scales capacity-to-score (reference: 1.0 mainnet, 0.1 testnet).</summary>
    [ConfigurationKeyName("capacity-to-score-multiplier")]
    public double CapacityToScoreMultiplier { get; set; } = 1.0;

    /// <summary>Tiers of the share-to-test draw; probabilities must sum to 1.</summary>
    [ConfigurationKeyName("share-to-test")]
    public Dictionary<string, ShareToTestTier> ShareToTest { get; } = new(StringComparer.Ordinal)
    {
        ["light"] = new ShareToTestTier { Share = 0.04, Probability = 0.5 },
        ["normal"] = new ShareToTestTier { Share = 0.08, Probability = 0.4 },
        ["heavy"] = new ShareToTestTier { Share = 0.12, Probability = 0.095 },
        ["full"] = new ShareToTestTier { Share = 0.80, Probability = 0.005 },
    };

    /// <summary>Per-result quality q enters the aggregate as q^exponent (reference §7 step 2).</summary>
    [ConfigurationKeyName("quality-exponent")]
    public double QualityExponent { get; set; } = 1.5;

    /// <summary>An aggregate quality at or below this is squared (not for avatar tasks).</summary>
    [ConfigurationKeyName("quality-square-threshold")]
    public double QualitySquareThreshold { get; set; } = 0.85;

    /// <summary>Quality samples older than this are ignored (reference: 5 days).</summary>
    [ConfigurationKeyName("quality-look-back")]
    public TimeSpan QualityLookBack { get; set; } = TimeSpan.FromDays(5);

    /// <summary>Percentile of a miner's per-result speeds used for ranking (index floor(p × n) ascending).</summary>
    [ConfigurationKeyName("speed-percentile")]
    public double SpeedPercentile { get; set; } = 0.3;

    /// <summary>Spread of the speed bonus: bonus = max × (0.5 − rank/(N−1)) ∈ [−max/2, +max/2].</summary>
    [ConfigurationKeyName("speed-bonus-max")]
    public double SpeedBonusMax { get; set; } = 0.5;

    /// <summary>Weight of period i (newest 0) in the period aggregate is decay^i × its share of work.</summary>
    [ConfigurationKeyName("period-decay")]
    public double PeriodDecay { get; set; } = 0.5;

    /// <summary>Period scores older than this are dropped (reference: 3 days).</summary>
    [ConfigurationKeyName("period-retention")]
    public TimeSpan PeriodRetention { get; set; } = TimeSpan.FromDays(3);

    /// <summary>A contender with this many scored periods or fewer gets <see cref="FewPeriodsMultiplier"/>.</summary>
    [ConfigurationKeyName("few-periods-threshold")]
    public int FewPeriodsThreshold { get; set; } = 8;

    /// <summary>Multiplier on the period aggregate of a newcomer.</summary>
    [ConfigurationKeyName("few-periods-multiplier")]
    public double FewPeriodsMultiplier { get; set; } = 0.25;

    /// <summary>Per-task shares are raised to this power and renormalised (reference: 4).</summary>
    [ConfigurationKeyName("normalisation-exponent")]
    public double NormalisationExponent { get; set; } = 4.0;

    /// <summary>A task's check reservoir holds floor(this × task weight) results.</summary>
    [ConfigurationKeyName("reservoir-per-weight")]
    public int ReservoirPerWeight { get; set; } = 1000;

    /// <summary>Work of a text result from a backend that reports no tokens: characters / this.</summary>
    [ConfigurationKeyName("characters-per-token")]
    public double CharactersPerToken { get; set; } = 4.0;

    [ConfigurationKeyName("weights")]
    public WeightsOptions Weights { get; set; } = new();

    /// <summary>The share-to-test tiers in a stable order (ascending share) for the seeded draw.</summary>
    public IReadOnlyList<ShareToTestTier> OrderedTiers() =>
        [.. ShareToTest.OrderBy(kv => kv.Value.Share).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Value)];

    /// <summary>Checks every key; returns one message per bad key (empty when all are valid).</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        void Require(bool ok, string key, string rule)
        {
            if (!ok)
            {
                errors.Add($"mechanism.{key} {rule}");
            }
        }

        Require(Period > TimeSpan.Zero, "period", "must be positive");
        Require(CapacityToScoreMultiplier is > 0 and <= 100, "capacity-to-score-multiplier", "must be in (0, 100]");
        Require(ShareToTest.Count > 0, "share-to-test", "needs at least one tier");
        foreach (var (name, tier) in ShareToTest)
        {
            Require(tier.Share is >= 0 and <= 1, $"share-to-test.{name}.share", "must be in [0, 1]");
            Require(tier.Probability is >= 0 and <= 1, $"share-to-test.{name}.probability", "must be in [0, 1]");
        }

        var total = ShareToTest.Values.Sum(t => t.Probability);
        Require(Math.Abs(total - 1.0) < 1e-9, "share-to-test", "probabilities must sum to 1 (they sum to " +
            total.ToString("R", CultureInfo.InvariantCulture) + ")");
        Require(QualityExponent > 0, "quality-exponent", "must be positive");
        Require(QualitySquareThreshold is >= 0 and <= 1, "quality-square-threshold", "must be in [0, 1]");
        Require(QualityLookBack > TimeSpan.Zero, "quality-look-back", "must be positive");
        Require(SpeedPercentile is >= 0 and < 1, "speed-percentile", "must be in [0, 1)");
        Require(SpeedBonusMax is >= 0 and < 2, "speed-bonus-max", "must be in [0, 2) so 1 + bonus stays positive");
        Require(PeriodDecay is > 0 and <= 1, "period-decay", "must be in (0, 1]");
        Require(PeriodRetention > TimeSpan.Zero, "period-retention", "must be positive");
        Require(FewPeriodsThreshold >= 0, "few-periods-threshold", "must not be negative");
        Require(FewPeriodsMultiplier is >= 0 and <= 1, "few-periods-multiplier", "must be in [0, 1]");
        Require(NormalisationExponent >= 1, "normalisation-exponent", "must be at least 1");
        Require(ReservoirPerWeight >= 1, "reservoir-per-weight", "must be at least 1");
        Require(CharactersPerToken > 0, "characters-per-token", "must be positive");
        errors.AddRange(Weights.Validate());
        return errors;
    }
}
