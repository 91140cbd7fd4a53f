namespace Sn19.Actors.Subnet.Weights;

/// <summary>Runs a round now and answers with its <see cref="WeightHistoryEntry"/>.</summary>
public sealed record SetWeightsNow : WeightSetterMessage
{
    public static SetWeightsNow Instance { get; } = new();
}
