namespace Sn19.Actors.Mechanism;

/// <summary>One closed period of a contender: its score (null = not scored), consumed work and close time.</summary>
public readonly record struct PeriodRecord(double? Score, double Consumed, DateTimeOffset ClosedAt);
