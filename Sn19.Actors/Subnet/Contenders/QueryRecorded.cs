namespace Sn19.Actors.Subnet.Contenders;

using Sn19.Actors.Mechanism;

/// <summary>One query to the miner ended. <see cref="QueryId"/> is unique within the period and increasing.</summary>
public sealed record QueryRecorded(
    long Period,
    long QueryId,
    DateTimeOffset At,
    bool Organic,
    QueryOutcomeKind Kind,
    double Work,
    TimeSpan ResponseTime,
    TimeSpan? TimeToFirstToken,
    TimeSpan? StreamTime) : ContenderEvent;
