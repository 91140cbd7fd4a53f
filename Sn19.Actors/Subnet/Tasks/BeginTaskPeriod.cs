namespace Sn19.Actors.Subnet.Tasks;

/// <summary>
/// Starts a period: the contenders of this task (already opened, so with their capacity-to-score) and a
/// uniform draw for the first offset and the seed of
/// the period's organic routing draws. The task actor answers with the planned schedule (a <see cref="TaskSummary"/>).
/// </summary>
public sealed record BeginTaskPeriod(
    long Period,
    DateTimeOffset Start,
    IReadOnlyList<Contenders.ContenderSummary> Contenders,
    double FirstOffsetUniform,
    long RoutingSeed) : TaskMessage;
