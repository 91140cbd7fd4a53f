namespace Sn19.Actors.Chain.Subtensor.Metadata;

/// <summary>
/// A runtime's metadata (V14 or V15), decoded by <see cref="MetadataDecoder"/>: its type registry, pallets, extrinsic
/// format and (V15) runtime APIs. Everything a client sends or reads is found here by name: pallet and call indices,
/// storage layouts, signed extensions, runtime API types. Nothing about the chain is hard-coded.
/// </summary>
public sealed class RuntimeMetadata(
    int version,
    IReadOnlyDictionary<int, MetadataType> types,
    IReadOnlyList<PalletMetadata> pallets,
    byte extrinsicVersion,
    IReadOnlyList<SignedExtensionMetadata> signedExtensions,
    IReadOnlyList<RuntimeApiMetadata> apis)
{
    public int Version { get; } = version;

    public IReadOnlyDictionary<int, MetadataType> Types { get; } = types;

    public IReadOnlyList<PalletMetadata> Pallets { get; } = pallets;

    public byte ExtrinsicVersion { get; } = extrinsicVersion;

    public IReadOnlyList<SignedExtensionMetadata> SignedExtensions { get; } = signedExtensions;

    /// <summary>The type of a signed extrinsic's sender (Substrate's <c>MultiAddress</c>); −1 when the metadata does not say.</summary>
    public int AddressType { get; init; } = -1;

    /// <summary>The type of its signature (Substrate's <c>MultiSignature</c>); −1 when the metadata does not say.</summary>
    public int SignatureType { get; init; } = -1;

    /// <summary>Runtime APIs; empty for V14, which does not describe them.</summary>
    public IReadOnlyList<RuntimeApiMetadata> Apis { get; } = apis;

    public MetadataType Type(int id) =>
        Types.TryGetValue(id, out var type) ? type : throw new KeyNotFoundException($"the metadata has no type {id}");

    public PalletMetadata Pallet(string name) =>
        Pallets.FirstOrDefault(p => p.Name == name) ?? throw new KeyNotFoundException($"the runtime has no pallet {name}");

    /// <summary>The (pallet, call) index pair a call is encoded with, and the call's fields.</summary>
    public (byte Pallet, byte Call, IReadOnlyList<TypeField> Fields) Call(string pallet, string call)
    {
        var metadata = Pallet(pallet);
        var variants = metadata.CallType is { } id && Type(id).Definition is VariantType v
            ? v.Variants
            : throw new KeyNotFoundException($"pallet {pallet} has no calls");
        var variant = variants.FirstOrDefault(x => x.Name == call) ?? throw new KeyNotFoundException($"pallet {pallet} has no call {call}");
        return (metadata.Index, variant.Index, variant.Fields);
    }

    public StorageEntry Storage(string pallet, string item) =>
        Pallet(pallet).Storage?.Entries.FirstOrDefault(e => e.Name == item)
        ?? throw new KeyNotFoundException($"pallet {pallet} has no storage item {item}");

    public RuntimeApiMethod RuntimeApi(string api, string method) =>
        Apis.FirstOrDefault(a => a.Name == api)?.Methods.FirstOrDefault(m => m.Name == method)
        ?? throw new KeyNotFoundException(Version < 15
            ? $"metadata V{Version} does not describe runtime APIs; {api}.{method} needs V15"
            : $"the runtime has no runtime API {api}.{method}");
}
