namespace Sn19.Actors.Subnet.Weights;

/// <summary>
/// The weight setter's state in a snapshot: the next round's number, the kept history (newest first) and a
/// submission intended but not yet resolved, if any (older snapshots read as none).
/// </summary>
public sealed record WeightSetterSnapshot(long NextRound, IReadOnlyList<WeightHistoryEntry> History, WeightSubmissionIntended? Pending = null);
