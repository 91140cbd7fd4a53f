namespace Sn19.Actors.Chain.Local;

/// <summary>What the local chain reloads on start.</summary>
internal sealed record ChainSnapshot(
    ulong Block,
    ulong LastEpochBlock,
    ulong EpochIndex,
    IReadOnlyList<NeuronRecord> Neurons,
    IReadOnlyDictionary<(string Coldkey, string Hotkey), ulong> Stakes);
