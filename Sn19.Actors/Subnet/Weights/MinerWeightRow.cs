namespace Sn19.Actors.Subnet.Weights;

/// <summary>A miner's weight in a round: the float weight, its uid at that moment (null = not registered) and the u16 sent.</summary>
public sealed record MinerWeightRow(string Hotkey, ushort? Uid, double Weight, ushort Value);
