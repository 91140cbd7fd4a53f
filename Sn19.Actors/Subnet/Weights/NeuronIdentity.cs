namespace Sn19.Actors.Subnet.Weights;

/// <summary>One uid of the metagraph and the hotkey registered on it at the moment of reading.</summary>
public readonly record struct NeuronIdentity(ushort Uid, string Hotkey);
