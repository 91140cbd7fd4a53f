namespace Sn19.Actors.Subnet.Contenders;

using Sn19.Actors.Mechanism;

/// <summary>The whole state of a contender, as stored in a snapshot (replay continues from it).</summary>
public sealed record ContenderSnapshot(
    string Hotkey,
    string TaskId,
    long? OpenPeriod,
    long? LastClosedPeriod,
    DateTimeOffset PeriodStart,
    double DeclaredCapacity,
    double Capacity,
    double Share,
    double CapacityToScore,
    int Queries,
    int SyntheticQueries,
    double Consumed,
    int RateLimited,
    int Failed,
    long LastQueryId,
    QueryOutcomeKind? LastOutcome,
    IReadOnlyList<PeriodRecord> History,
    IReadOnlyList<QualitySample> Samples,
    IReadOnlyList<PendingCheck> Pending)
{
    /// <summary>The query ids recorded in the open period, so a repeat after recovery is still known. Snapshots
    /// written before it existed have none; a repeat of a query from before such a snapshot is then counted again.</summary>
    public IReadOnlyList<long> RecordedQueryIds { get; init; } = [];

    /// <summary>The counters of the last closed period; null in snapshots written before it was kept.</summary>
    public ClosedPeriodTally? LastClosed { get; init; }
}
