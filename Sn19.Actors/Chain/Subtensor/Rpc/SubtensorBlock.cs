namespace Sn19.Actors.Chain.Subtensor.Rpc;

/// <summary>A block by number and hash (0x-hex).</summary>
public sealed record SubtensorBlock(ulong Number, string Hash);
