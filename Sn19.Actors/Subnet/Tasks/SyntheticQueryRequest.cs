namespace Sn19.Actors.Subnet.Tasks;

/// <summary>A synthetic query to send now to <see cref="Hotkey"/>; the query id is unique within the period.</summary>
public sealed record SyntheticQueryRequest(string TaskId, string Hotkey, long Period, long QueryId, DateTimeOffset At);
