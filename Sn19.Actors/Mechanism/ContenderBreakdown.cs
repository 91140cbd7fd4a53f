namespace Sn19.Actors.Mechanism;

/// <summary>Why a contender got its share: every intermediate of the weight computation.</summary>
/// <param name="Quality">Q after the square rule (null = no checked result → E = 0).</param>
/// <param name="Bonus">Speed bonus in [−max/2, +max/2].</param>
/// <param name="CombinedQuality">CQ = Q × (1 + bonus).</param>
/// <param name="PeriodAggregate">P, multiplier applied.</param>
/// <param name="EffectiveVolume">E = CQ × P × capacity.</param>
/// <param name="LinearShare">E / ΣE within the task.</param>
/// <param name="Share">s⁴ renormalised within the task.</param>
public sealed record ContenderBreakdown(
    string Hotkey,
    string TaskId,
    double? Quality,
    double Bonus,
    double CombinedQuality,
    double PeriodAggregate,
    double PeriodMultiplier,
    double Capacity,
    double EffectiveVolume,
    double LinearShare,
    double Share);
