namespace Sn19.Actors.Chain.Subtensor.Metadata;

/// <summary>A primitive: bool, char, str, or a fixed-width integer.</summary>
public sealed record PrimitiveType(ScalePrimitive Primitive) : TypeDefinition;
