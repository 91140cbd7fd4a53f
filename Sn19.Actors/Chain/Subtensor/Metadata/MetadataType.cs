namespace Sn19.Actors.Chain.Subtensor.Metadata;

/// <summary>A type of the metadata's registry: its id, Rust path (e.g. <c>sp_core::crypto::AccountId32</c>), generic
/// parameters (name and type, where given) and definition.</summary>
public sealed record MetadataType(int Id, IReadOnlyList<string> Path, IReadOnlyList<TypeField> Parameters, TypeDefinition Definition)
{
    public string PathText => string.Join("::", Path);
}
