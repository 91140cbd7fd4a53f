namespace Sn19.Actors.Subnet.Contenders;

/// <summary>A checker scored one of the contender's results (q ∈ [0, 1]); At is when it was queried.</summary>
public sealed record QualityRecorded(
    long QueryId,
    DateTimeOffset At,
    double Quality,
    double Work,
    TimeSpan ResponseTime) : ContenderEvent;
