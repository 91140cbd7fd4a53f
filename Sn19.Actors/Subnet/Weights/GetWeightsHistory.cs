namespace Sn19.Actors.Subnet.Weights;

/// <summary>Asks for the newest <see cref="Limit"/> rounds, newest first (a list of <see cref="WeightHistoryEntry"/>).</summary>
public sealed record GetWeightsHistory(int Limit) : WeightSetterMessage;
