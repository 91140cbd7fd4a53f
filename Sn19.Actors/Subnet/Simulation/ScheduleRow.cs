namespace Sn19.Actors.Subnet.Simulation;

/// <summary>A task's synthetic schedule for one period: planned, sent, cancelled by organics; organic requests seen.</summary>
public sealed record ScheduleRow(string TaskId, int Planned, int Sent, int Cancelled, int Organic);
