namespace Sn19.Actors.Subnet.Tasks;

/// <summary>A task's period at a glance: the schedule and the totals of every query so far.</summary>
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
    int Contenders);
