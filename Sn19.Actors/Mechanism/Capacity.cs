namespace Sn19.Actors.Mechanism;

/// <summary>Declared capacity → what the validator scores (MECHANISM.md "Per period" 1–2).</summary>
internal static class Capacity
{
    /// <summary>Clamps a declared capacity to [0, maxCapacity]; NaN and negative declare nothing.</summary>
    public static double Clamp(double declared, double maxCapacity)
    {
        if (double.IsNaN(declared) || declared <= 0)
        {
            return 0;
        }

        return Math.Min(declared, maxCapacity);
    }

    /// <summary>capacity-to-score = capacity × m × multiplier.</summary>
    public static double ToScore(double clampedCapacity, double share, double multiplier) =>
        clampedCapacity * share * multiplier;

    /// <summary>
    /// What an honest miner declares to one validator: maxCapacity × stake(v) / Σ stake(validators with
    /// permit). We divide by validators' stake, not all nodes' (the reference's quirk in §3.3).
    /// </summary>
    public static double MinerShare(double maxCapacity, double validatorStake, double totalValidatorStake) =>
        totalValidatorStake <= 0 ? 0 : maxCapacity * Math.Clamp(validatorStake / totalValidatorStake, 0, 1);
}
