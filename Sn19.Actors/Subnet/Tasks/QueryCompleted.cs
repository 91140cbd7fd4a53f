namespace Sn19.Actors.Subnet.Tasks;

using Sn19.Actors.Mechanism;

/// <summary>A query of this task ended (synthetic or organic): keeps the task's totals and capacity view current.</summary>
public sealed record QueryCompleted(string Hotkey, bool Organic, QueryOutcomeKind Kind, double Work) : TaskMessage;
