namespace Sn19.Actors.Subnet.Tasks;

/// <summary>A task's period at a glance: the schedule and the totals of every query so far (on this node: slots
/// another node sent before this one took the period over count as <see cref="Skipped"/>).</summary>
public sealed record TaskSummary(
    string TaskId,
    long? Period,
    int Planned,
    int Sent,
    int Cancelled,
    int Remaining,
    DateTimeOffset? NextDue,
    int OrganicRequests,
    int Ok,
    int RateLimited,
    int Failed,
    double Work,
    int Contenders,
    int Skipped = 0);
