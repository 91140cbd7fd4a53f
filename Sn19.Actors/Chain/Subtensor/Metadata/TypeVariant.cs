namespace Sn19.Actors.Chain.Subtensor.Metadata;

/// <summary>One variant of an enum: the index it is encoded with (not its position) and its fields.</summary>
public sealed record TypeVariant(string Name, byte Index, IReadOnlyList<TypeField> Fields);
