namespace Sn19.Actors.Subnet.Weights;

/// <summary>A round in the weights history: the computed round and what the chain made of it (at which block).</summary>
public sealed record WeightHistoryEntry(WeightRoundRecord Round, WeightSubmissionStatus Status, string? Detail, ulong Block);
