namespace Sn19.Actors.Subnet.Weights;

using Sn19.Actors.Kernel;

/// <summary>Asks for the newest <see cref="Limit"/> rounds, newest first.</summary>
public sealed record GetWeightsHistory(int Limit, ReplyTo<IReadOnlyList<WeightHistoryEntry>> ReplyTo) : WeightSetterMessage;
