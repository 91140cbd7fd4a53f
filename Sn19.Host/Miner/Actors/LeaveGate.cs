namespace Sn19.Host.Miner.Actors;

/// <summary>The request is done with its slot, or gives up waiting for one (its caller went away).</summary>
internal sealed record LeaveGate(long RequestId);
