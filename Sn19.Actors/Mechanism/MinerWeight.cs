namespace Sn19.Actors.Mechanism;

/// <summary>A miner's final weight (S / ΣS) before the uid mapping and u16 quantisation.</summary>
public sealed record MinerWeight(string Hotkey, double Weight);
