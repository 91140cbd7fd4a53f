namespace Sn19.Actors.Chain.Subtensor.Extrinsics;

/// <summary>
/// What a signed extrinsic is signed against besides its call: the sender's next nonce (<c>system_accountNextIndex</c>),
/// the era and its birth block's hash, the chain's genesis hash, the runtime's spec and transaction versions (read at
/// submit time: they change with each runtime upgrade) and the tip (0: weight calls pay no fee).
/// </summary>
public sealed record ExtrinsicContext(uint Nonce, ExtrinsicEra Era, byte[] EraBlockHash, byte[] GenesisHash, uint SpecVersion, uint TransactionVersion, ulong Tip = 0);
