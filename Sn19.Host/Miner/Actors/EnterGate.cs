namespace Sn19.Host.Miner.Actors;

/// <summary>Asks a <see cref="TaskGateActor"/> for a slot for request <see cref="RequestId"/>: the answer is
/// <see cref="GateEntered"/> (at once, or when a slot frees up) or <see cref="GateFull"/>.</summary>
internal sealed record EnterGate(long RequestId);
