namespace Sn19.Actors.Chain.Subtensor.Metadata;

/// <summary>What a type of the metadata's registry is (scale-info's <c>TypeDef</c>): one of the records below.</summary>
public abstract record TypeDefinition;
