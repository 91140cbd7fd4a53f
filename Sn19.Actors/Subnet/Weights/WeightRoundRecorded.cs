namespace Sn19.Actors.Subnet.Weights;

/// <summary>The weight setter's event: a round ran and this is what the chain made of it (the journal is the history).</summary>
public sealed record WeightRoundRecorded(WeightHistoryEntry Entry) : WeightSetterEvent;
