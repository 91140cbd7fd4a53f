namespace Sn19.Actors.Mechanism;

/// <summary>Weights per miner (ordinal hotkey order) and the per-contender breakdown (task, then hotkey).</summary>
public sealed record WeightResult(IReadOnlyList<MinerWeight> Miners, IReadOnlyList<ContenderBreakdown> Contenders);
