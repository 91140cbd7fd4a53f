namespace Sn19.Actors.Subnet.Tasks;

using Sn19.Actors.Mechanism;

/// <summary>A query of this task ended (synthetic or organic): keeps the task's totals and capacity view current.
/// <see cref="SentAt"/> dates a failure for organic routing's pause: the time it is handled would depend on
/// how busy the task actor was.</summary>
public sealed record QueryCompleted(string Hotkey, bool Organic, QueryOutcomeKind Kind, double Work, DateTimeOffset SentAt) : TaskMessage;
