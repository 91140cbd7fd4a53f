namespace Sn19.Actors.Subnet.Tasks;

using Sn19.Actors.Kernel;

/// <summary>
/// Starts a period: the contenders of this task (already opened, so with their capacity-to-score) and a
/// uniform draw for the first offset. The reply is the planned schedule.
/// </summary>
public sealed record BeginTaskPeriod(
    long Period,
    DateTimeOffset Start,
    IReadOnlyList<Contenders.ContenderSummary> Contenders,
    double FirstOffsetUniform,
    ReplyTo<TaskSummary>? ReplyTo) : TaskMessage;
