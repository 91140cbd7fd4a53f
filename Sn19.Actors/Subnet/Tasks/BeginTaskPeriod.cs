namespace Sn19.Actors.Subnet.Tasks;

/// <summary>
/// Starts a period: the contenders of this task (already opened, so with their capacity-to-score) and a
/// uniform draw for the first offset and the seed of
/// the period's organic routing draws. The task actor answers with the planned schedule (a <see cref="TaskSummary"/>).
/// <see cref="ResumeAt"/> is set when a coordinator takes over a period that is already running (after a failover):
/// the slots due before it are passed over, and the contenders' counts carry what was sent before.
/// </summary>
public sealed record BeginTaskPeriod(
    long Period,
    DateTimeOffset Start,
    IReadOnlyList<Contenders.ContenderSummary> Contenders,
    double FirstOffsetUniform,
    long RoutingSeed) : TaskMessage
{
    public DateTimeOffset? ResumeAt { get; init; }
}
