namespace Sn19.Actors.Chain.Subtensor.Metadata;

/// <summary>A bit vector (<c>BitVec</c>): compact bit count, then the store type's words.</summary>
public sealed record BitSequenceType(int Store, int Order) : TypeDefinition;
