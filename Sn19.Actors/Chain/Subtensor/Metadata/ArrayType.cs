namespace Sn19.Actors.Chain.Subtensor.Metadata;

/// <summary>A fixed-length array: the elements, no length.</summary>
public sealed record ArrayType(int Length, int Element) : TypeDefinition;
