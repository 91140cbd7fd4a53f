namespace Sn19.Actors.Subnet.Tasks;

/// <summary>Where an organic request goes: the miner and the query id to record it under; a null
/// <see cref="Hotkey"/> means no miner can take it now (no open period, or no capacity left). <see cref="Task"/> is
/// the task actor that answered, to tell the outcome to (it may live on another node).</summary>
public sealed record OrganicRoute(string? Hotkey, long Period, long QueryId, DateTimeOffset At, Akka.Actor.IActorRef? Task = null);
