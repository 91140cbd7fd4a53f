namespace Sn19.Actors.Chain.Subtensor.Rpc;

using Sn19.Actors.Chain.Subtensor.Metadata;

/// <summary>The runtime a block runs: its spec and transaction versions (signed into every extrinsic) and its metadata.</summary>
public sealed record SubtensorRuntime(uint SpecVersion, uint TransactionVersion, RuntimeMetadata Metadata);
