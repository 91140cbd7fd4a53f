namespace Sn19.Actors.Chain.Subtensor.Metadata;

/// <summary>An enum: a u8 variant index, then that variant's fields.</summary>
public sealed record VariantType(IReadOnlyList<TypeVariant> Variants) : TypeDefinition;
