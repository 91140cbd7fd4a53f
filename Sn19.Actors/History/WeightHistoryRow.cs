namespace Sn19.Actors.History;

/// <summary>A miner's weight in one round: the float weight and the u16 sent for its uid (null: not registered).</summary>
public sealed record WeightHistoryRow(long Round, DateTimeOffset At, string Hotkey, ushort? Uid, double Weight, int Value);
