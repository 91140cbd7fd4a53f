namespace Sn19.Actors.Chain.Subtensor.Extrinsics;

using System.Text.Json.Nodes;
using Sn19.Actors.Chain.Subtensor.Metadata;
using Sn19.Actors.Chain.Subtensor.Rpc;

/// <summary>
/// Names a <c>DispatchError</c> as the runtime's metadata does: a module error becomes <c>Pallet.Error</c> (the pallet by
/// its index, the error by the first byte of its code); any other variant keeps its own name (<c>BadOrigin</c>, ...).
/// </summary>
public static class DispatchErrors
{
    public static string Describe(RuntimeMetadata metadata, JsonNode? error)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        if (error is JsonObject { Count: 1 } wrapped && wrapped["Module"] is JsonObject module)
        {
            var palletIndex = module["index"]!.GetValue<byte>();
            var code = SubtensorNode.Bytes(module["error"]!.GetValue<string>());
            var pallet = metadata.Pallets.FirstOrDefault(p => p.Index == palletIndex);
            var name = pallet?.ErrorType is { } type && metadata.Type(type).Definition is VariantType variants
                ? variants.Variants.FirstOrDefault(v => v.Index == code[0])?.Name
                : null;
            return $"{pallet?.Name ?? $"pallet {palletIndex}"}.{name ?? $"error {code[0]}"}";
        }

        return error switch
        {
            JsonValue value => value.ToString(),
            JsonObject { Count: 1 } other => $"{other.First().Key} {other.First().Value?.ToJsonString()}",
            _ => error?.ToJsonString() ?? "an unknown dispatch error",
        };
    }
}
