namespace Sn19.Actors.Chain;

/// <summary>The subnet as of <see cref="Block"/>: its hyperparameters and every uid in uid order.</summary>
public sealed record Metagraph(
    ushort Netuid,
    ulong Block,
    ulong LastEpochBlock,
    SubnetHyperparameters Hyperparameters,
    IReadOnlyList<NeuronInfo> Neurons);
