namespace Sn19.Actors.Chain.Subtensor.Extrinsics;

using System.Text.Json.Nodes;
using Sn19.Actors.Chain.Subtensor.Metadata;
using Sn19.Actors.Chain.Subtensor.Scale;
using Sn19.Actors.Crypto.Sodium;

/// <summary>
/// Signed extrinsics of format version 4, laid out as the runtime's metadata says: the call by pallet and call name
/// (indices and argument types from the metadata), the signed extensions in the metadata's order, each contributing its
/// explicit part (era, nonce, tip, metadata-hash mode) to the extrinsic and its implicit part (spec and transaction
/// versions, genesis hash, era block hash, no metadata hash) to the signed payload. Metadata-hash mode is disabled.
/// </summary>
public static class SignedExtrinsic
{
    private const byte SignedV4 = 0x84;

    /// <summary>The call's bytes: pallet index, call index, then each argument (by name from <paramref name="arguments"/>).</summary>
    public static byte[] Call(RuntimeMetadata metadata, string pallet, string call, JsonObject arguments)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(arguments);
        var (palletIndex, callIndex, fields) = metadata.Call(pallet, call);
        var writer = new ScaleWriter().WriteByte(palletIndex).WriteByte(callIndex);
        var encoder = new ScaleValueEncoder(metadata);
        foreach (var field in fields)
        {
            encoder.Encode(field.Type, arguments[field.Name!] ?? throw new ArgumentException($"{pallet}.{call} needs {field.Name}"), writer, $"{call}.{field.Name}");
        }

        return writer.ToArray();
    }

    /// <summary>The whole payload: call ‖ explicit parts ‖ implicit parts (what the signer is sent; it hashes it itself).</summary>
    public static byte[] Payload(RuntimeMetadata metadata, byte[] call, ExtrinsicContext context)
    {
        var writer = new ScaleWriter().WriteBytes(call);
        Extensions(metadata, context, writer, explicitPart: true);
        Extensions(metadata, context, writer, explicitPart: false);
        return writer.ToArray();
    }

    /// <summary>The bytes the sender signs: the <see cref="Payload"/>, hashed with BLAKE2b-256 when longer than 256 bytes.</summary>
    public static byte[] SigningPayload(RuntimeMetadata metadata, byte[] call, ExtrinsicContext context)
    {
        var payload = Payload(metadata, call, context);
        if (payload.Length <= 256)
        {
            return payload;
        }

        var hash = new byte[32];
        Blake2b.Hash(hash, payload);
        return hash;
    }

    /// <summary>The extrinsic as submitted (<c>author_submitExtrinsic</c>): compact length, then version 4 signed, the sender,
    /// the sr25519 signature, the explicit extension parts and the call.</summary>
    public static byte[] Encode(RuntimeMetadata metadata, byte[] call, ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> signature, ExtrinsicContext context)
    {
        if (metadata.ExtrinsicVersion != 4)
        {
            throw new NotSupportedException($"the runtime's extrinsics are version {metadata.ExtrinsicVersion}; this client writes version 4");
        }

        var body = new ScaleWriter().WriteByte(SignedV4);
        WritePrefix(metadata, metadata.AddressType, "Id", body);
        body.WriteBytes(publicKey);
        WritePrefix(metadata, metadata.SignatureType, "Sr25519", body);
        body.WriteBytes(signature);
        Extensions(metadata, context, body, explicitPart: true);
        body.WriteBytes(call);
        var bytes = body.ToArray();
        return new ScaleWriter().WriteCompact(bytes.Length).WriteBytes(bytes).ToArray();
    }

    /// <summary>An enum wrapper's variant index (MultiAddress::Id, MultiSignature::Sr25519); nothing when the type is the
    /// bare value.</summary>
    private static void WritePrefix(RuntimeMetadata metadata, int type, string variant, ScaleWriter writer)
    {
        if (type >= 0 && metadata.Type(type).Definition is VariantType variants)
        {
            writer.WriteByte(variants.Variants.FirstOrDefault(v => v.Name == variant)?.Index
                ?? throw new NotSupportedException($"the runtime's {metadata.Type(type).PathText} has no {variant}"));
        }
    }

    private static void Extensions(RuntimeMetadata metadata, ExtrinsicContext context, ScaleWriter writer, bool explicitPart)
    {
        foreach (var extension in metadata.SignedExtensions)
        {
            var type = explicitPart ? extension.Type : extension.AdditionalSigned;
            if (IsUnit(metadata, type))
            {
                continue;
            }

            switch (extension.Identifier, explicitPart)
            {
                case ("CheckMortality" or "CheckEra", true):
                    writer.WriteBytes(context.Era.Encoded);
                    break;
                case ("CheckMortality" or "CheckEra", false):
                    writer.WriteBytes(context.Era.IsImmortal ? context.GenesisHash : context.EraBlockHash);
                    break;
                case ("CheckNonce", true):
                    writer.WriteCompact(context.Nonce);
                    break;
                case ("ChargeTransactionPayment", true):
                    writer.WriteCompact(context.Tip);
                    break;
                case ("CheckMetadataHash", true):
                    writer.WriteByte(0); // mode: disabled
                    break;
                case ("CheckMetadataHash", false):
                    writer.WriteByte(0); // no metadata hash
                    break;
                case ("CheckSpecVersion", false):
                    writer.WriteU32(context.SpecVersion);
                    break;
                case ("CheckTxVersion", false):
                    writer.WriteU32(context.TransactionVersion);
                    break;
                case ("CheckGenesis", false):
                    writer.WriteBytes(context.GenesisHash);
                    break;
                default:
                    throw new NotSupportedException(
                        $"the signed extension {extension.Identifier} carries {(explicitPart ? "explicit" : "implicit")} data of type {metadata.Type(type).PathText}, which this client does not know how to fill");
            }
        }
    }

    private static bool IsUnit(RuntimeMetadata metadata, int type) =>
        metadata.Type(type).Definition is CompositeType { Fields.Count: 0 } or TupleType { Elements.Count: 0 };
}
