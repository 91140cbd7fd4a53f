namespace Sn19.Actors.Wire.Fiber;

/// <summary>A symmetric key a miner accepted: its uuid, the key, the axon it was made with and when.</summary>
internal sealed record FiberSession(string Uuid, byte[] Key, Uri Axon, DateTimeOffset Made);
