namespace Sn19.Actors.Subnet.Weights;

/// <summary>The weight setter's state in a snapshot: the next round's number and the kept history, newest first.</summary>
public sealed record WeightSetterSnapshot(long NextRound, IReadOnlyList<WeightHistoryEntry> History);
