namespace Sn19.Actors.Subnet.Contenders;

/// <summary>The period ended with this score (null = not scored: no query or no capacity).</summary>
public sealed record PeriodClosed(long Period, DateTimeOffset At, double? Score, double Consumed) : ContenderEvent;
