namespace Sn19.Actors.Subnet.Tasks;

using Sn19.Actors.Kernel;

/// <summary>Asks for the task's schedule and totals.</summary>
public sealed record GetTaskSummary(ReplyTo<TaskSummary> ReplyTo) : TaskMessage;
