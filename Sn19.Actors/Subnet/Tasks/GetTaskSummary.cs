namespace Sn19.Actors.Subnet.Tasks;

/// <summary>Asks for the task's schedule and totals (a <see cref="TaskSummary"/>).</summary>
public sealed record GetTaskSummary : TaskMessage
{
    public static GetTaskSummary Instance { get; } = new();
}
