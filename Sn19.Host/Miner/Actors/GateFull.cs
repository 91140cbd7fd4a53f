namespace Sn19.Host.Miner.Actors;

/// <summary>Every slot is busy and the queue is full: the request is refused (429).</summary>
internal sealed record GateFull(long RequestId);
