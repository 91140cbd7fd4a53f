namespace Sn19.Actors.Subnet.Weights;

using Sn19.Actors.Kernel;

/// <summary>Runs a round now (operators, tests) and replies with its history entry.</summary>
public sealed record SetWeightsNow(ReplyTo<WeightHistoryEntry> ReplyTo) : WeightSetterMessage;
