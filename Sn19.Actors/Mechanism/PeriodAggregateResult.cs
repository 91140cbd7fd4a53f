namespace Sn19.Actors.Mechanism;

/// <summary>P (multiplier already applied), the multiplier itself (for display) and the number of scored periods.</summary>
public readonly record struct PeriodAggregateResult(double Value, double Multiplier, int ScoredPeriods);
