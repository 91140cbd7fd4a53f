namespace Sn19.Actors.Chain.Subtensor.Metadata;

/// <summary>A tuple: the elements in order (the empty tuple is the unit type).</summary>
public sealed record TupleType(IReadOnlyList<int> Elements) : TypeDefinition;
