namespace Sn19.Actors.Chain.Subtensor.Metadata;

/// <summary>A struct: its fields in encoding order.</summary>
public sealed record CompositeType(IReadOnlyList<TypeField> Fields) : TypeDefinition;
