namespace Sn19.Actors.Chain.Subtensor.Metadata;

/// <summary>A compact-encoded integer (or a struct wrapping one, such as a balance newtype).</summary>
public sealed record CompactType(int Element) : TypeDefinition;
