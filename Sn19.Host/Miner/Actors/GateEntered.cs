namespace Sn19.Host.Miner.Actors;

/// <summary>The request holds a slot until it sends <see cref="LeaveGate"/>.</summary>
internal sealed record GateEntered(long RequestId);
