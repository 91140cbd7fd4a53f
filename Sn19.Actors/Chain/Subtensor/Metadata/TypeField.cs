namespace Sn19.Actors.Chain.Subtensor.Metadata;

/// <summary>A field of a composite or a variant: its name (none in a tuple struct), type id and the type's name in Rust.</summary>
public sealed record TypeField(string? Name, int Type, string? TypeName);
