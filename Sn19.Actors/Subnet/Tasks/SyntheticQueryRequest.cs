namespace Sn19.Actors.Subnet.Tasks;

using Akka.Actor;

/// <summary>
/// A synthetic query to send now to <see cref="Hotkey"/>; the query id is unique within the period. Its
/// outcome goes back to <see cref="ReplyTo"/> (the task actor that chose it) as a <see cref="QueryCompleted"/>,
/// so whoever sends it needs no reference back to the task actors.
/// </summary>
public sealed record SyntheticQueryRequest(string TaskId, string Hotkey, long Period, long QueryId, DateTimeOffset At, IActorRef ReplyTo);
