namespace Sn19.Actors.Mechanism;

/// <summary>A contender's counts at period close: T queries, C declared (clamped) capacity, U consumed
/// work, r429 rate-limited and r500 failed queries.</summary>
public readonly record struct PeriodCounters(int Queries, double Capacity, double Consumed, int RateLimited, int Failed);
