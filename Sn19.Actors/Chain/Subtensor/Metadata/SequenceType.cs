namespace Sn19.Actors.Chain.Subtensor.Metadata;

/// <summary>A vector: compact length, then the elements.</summary>
public sealed record SequenceType(int Element) : TypeDefinition;
