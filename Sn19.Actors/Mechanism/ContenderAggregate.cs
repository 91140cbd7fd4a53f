namespace Sn19.Actors.Mechanism;

/// <summary>
/// What the weight setter gathers from one contender: Q (null = no checked result), its speed metric
/// (30th-percentile speed; null = none), the period aggregate P and the current clamped capacity.
/// </summary>
public sealed record ContenderAggregate(
    string Hotkey,
    string TaskId,
    double? Quality,
    double? SpeedMetric,
    PeriodAggregateResult Period,
    double Capacity);
