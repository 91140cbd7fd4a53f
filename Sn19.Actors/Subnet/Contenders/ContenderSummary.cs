namespace Sn19.Actors.Subnet.Contenders;

/// <summary>What `sn19 ctl actor` and the task's scheduler see of a contender right now.</summary>
public sealed record ContenderSummary(
    string Hotkey,
    string TaskId,
    long? OpenPeriod,
    long? LastClosedPeriod,
    double DeclaredCapacity,
    double Capacity,
    double Share,
    double CapacityToScore,
    int Queries,
    double Consumed,
    int RateLimited,
    int Failed,
    long LastQueryId,
    Sn19.Actors.Mechanism.QueryOutcomeKind? LastOutcome,
    double? LastScore,
    int ScoredPeriods,
    int QualitySamples,
    int PendingChecks)
{
    /// <summary>How the last closed period ended (its counters are reset when the next opens).</summary>
    public ClosedPeriodTally? LastClosed { get; init; }

    /// <summary>Capacity left this period; the reference stops sending synthetics once consumed ≥ capacity.</summary>
    public bool HasCapacityLeft => Consumed < Capacity;
}
