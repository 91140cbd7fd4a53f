namespace Sn19.Actors.Chain.Subtensor.Metadata;

using Sn19.Actors.Chain.Subtensor.Scale;

/// <summary>
/// Decodes runtime metadata V14 (<c>state_getMetadata</c>) and V15 (<c>Metadata_metadata_at_version(15)</c>, which
/// wraps it in <c>Option&lt;OpaqueMetadata&gt;</c>): the "meta" magic, the version byte, then frame-metadata's layout.
/// Docs are read and dropped. The whole blob must be consumed: a byte left over means the layout was misread.
/// </summary>
public static class MetadataDecoder
{
    private const uint Magic = 0x6174656d; // "meta", little-endian

    /// <summary>Metadata bytes as <c>state_getMetadata</c> returns them.</summary>
    public static RuntimeMetadata Decode(byte[] bytes)
    {
        var reader = new ScaleReader(bytes);
        if (reader.ReadU32() != Magic)
        {
            throw new ScaleFormatException("metadata starts with the bytes of \"meta\"", 0);
        }

        var version = reader.ReadByte();
        var metadata = version switch
        {
            14 or 15 => Read(reader, version),
            _ => throw new ScaleFormatException($"metadata V{version} is not supported (V14 and V15 are)", 4),
        };
        if (!reader.AtEnd)
        {
            throw new ScaleFormatException($"{reader.Remaining} bytes left after the metadata", reader.Position);
        }

        return metadata;
    }

    /// <summary>The answer of <c>Metadata_metadata_at_version</c>: <c>Option&lt;OpaqueMetadata&gt;</c> (none when the runtime
    /// does not offer that version).</summary>
    public static RuntimeMetadata? DecodeAtVersion(byte[] bytes)
    {
        var reader = new ScaleReader(bytes);
        if (!reader.ReadBool())
        {
            return null;
        }

        var inner = reader.ReadBytes(reader.ReadCompactInt()).ToArray();
        if (!reader.AtEnd)
        {
            throw new ScaleFormatException($"{reader.Remaining} bytes left after the opaque metadata", reader.Position);
        }

        return Decode(inner);
    }

    private static RuntimeMetadata Read(ScaleReader r, int version)
    {
        var types = r.ReadVector(ReadType).ToDictionary(t => t.Id);
        var pallets = r.ReadVector(x => ReadPallet(x, version));
        byte extrinsicVersion;
        List<SignedExtensionMetadata> extensions;
        int addressType, signatureType;
        if (version == 14)
        {
            // V14 names the address and signature types only as parameters of the extrinsic type.
            var extrinsic = r.ReadCompactInt();
            extrinsicVersion = r.ReadByte();
            extensions = r.ReadVector(ReadExtension);
            var parameters = types.TryGetValue(extrinsic, out var type) ? type.Parameters : [];
            addressType = parameters.FirstOrDefault(p => p.Name == "Address")?.Type ?? -1;
            signatureType = parameters.FirstOrDefault(p => p.Name == "Signature")?.Type ?? -1;
        }
        else
        {
            extrinsicVersion = r.ReadByte();
            addressType = r.ReadCompactInt();
            r.ReadCompactInt(); // the call type
            signatureType = r.ReadCompactInt();
            r.ReadCompactInt(); // the extra type
            extensions = r.ReadVector(ReadExtension);
        }

        r.ReadCompactInt(); // the runtime type
        List<RuntimeApiMetadata> apis = [];
        if (version == 15)
        {
            apis = r.ReadVector(ReadApi);
            for (var i = 0; i < 3; i++)
            {
                r.ReadCompactInt(); // the outer call, event and error enums
            }

            r.ReadVector(x => (x.ReadString(), x.ReadCompactInt(), x.ReadBytes(x.ReadCompactInt()).Length)); // custom values
        }

        return new RuntimeMetadata(version, types, pallets, extrinsicVersion, extensions, apis) { AddressType = addressType, SignatureType = signatureType };
    }

    private static MetadataType ReadType(ScaleReader r)
    {
        var id = r.ReadCompactInt();
        var path = r.ReadVector(x => x.ReadString());
        var parameters = r.ReadVector(x =>
        {
            var name = x.ReadString();
            return new TypeField(name, x.ReadOptionalCompactInt() ?? -1, null);
        });
        var definition = ReadDefinition(r);
        SkipDocs(r);
        return new MetadataType(id, path, parameters, definition);
    }

    private static TypeDefinition ReadDefinition(ScaleReader r)
    {
        var at = r.Position;
        return r.ReadByte() switch
        {
            0 => new CompositeType(r.ReadVector(ReadField)),
            1 => new VariantType(r.ReadVector(ReadVariant)),
            2 => new SequenceType(r.ReadCompactInt()),
            3 => new ArrayType((int)r.ReadU32(), r.ReadCompactInt()),
            4 => new TupleType(r.ReadVector(x => x.ReadCompactInt())),
            5 => new PrimitiveType(Primitive(r)),
            6 => new CompactType(r.ReadCompactInt()),
            7 => new BitSequenceType(r.ReadCompactInt(), r.ReadCompactInt()),
            var tag => throw new ScaleFormatException($"unknown type definition {tag}", at),
        };
    }

    private static ScalePrimitive Primitive(ScaleReader r)
    {
        var tag = r.ReadByte();
        return tag <= (byte)ScalePrimitive.I256 ? (ScalePrimitive)tag : throw new ScaleFormatException($"unknown primitive {tag}", r.Position - 1);
    }

    private static TypeField ReadField(ScaleReader r)
    {
        var name = r.ReadOption(x => x.ReadString());
        var type = r.ReadCompactInt();
        var typeName = r.ReadOption(x => x.ReadString());
        SkipDocs(r);
        return new TypeField(name, type, typeName);
    }

    private static TypeVariant ReadVariant(ScaleReader r)
    {
        var name = r.ReadString();
        var fields = r.ReadVector(ReadField);
        var index = r.ReadByte();
        SkipDocs(r);
        return new TypeVariant(name, index, fields);
    }

    private static PalletMetadata ReadPallet(ScaleReader r, int version)
    {
        var name = r.ReadString();
        var storage = r.ReadOption(x => new PalletStorage(x.ReadString(), x.ReadVector(ReadStorageEntry)));
        var calls = r.ReadOptionalCompactInt();
        var events = r.ReadOptionalCompactInt();
        var constants = r.ReadVector(x =>
        {
            var constant = new PalletConstant(x.ReadString(), x.ReadCompactInt(), x.ReadBytes(x.ReadCompactInt()).ToArray());
            SkipDocs(x);
            return constant;
        });
        var errors = r.ReadOptionalCompactInt();
        var index = r.ReadByte();
        if (version == 15)
        {
            SkipDocs(r);
        }

        return new PalletMetadata(name, index, storage, calls, events, errors, constants);
    }

    private static StorageEntry ReadStorageEntry(ScaleReader r)
    {
        var name = r.ReadString();
        var hasDefault = r.ReadByte() == 1;
        StorageEntry entry;
        var at = r.Position;
        switch (r.ReadByte())
        {
            case 0:
                entry = new StorageEntry(name, hasDefault, [], null, r.ReadCompactInt(), []);
                break;
            case 1:
                var hashers = r.ReadVector(x => x.ReadByte() is var h && h <= (byte)StorageHasher.Identity
                    ? (StorageHasher)h
                    : throw new ScaleFormatException($"unknown storage hasher {h}", x.Position - 1));
                entry = new StorageEntry(name, hasDefault, hashers, r.ReadCompactInt(), r.ReadCompactInt(), []);
                break;
            case var tag:
                throw new ScaleFormatException($"unknown storage entry kind {tag}", at);
        }

        entry = entry with { Default = r.ReadBytes(r.ReadCompactInt()).ToArray() };
        SkipDocs(r);
        return entry;
    }

    private static SignedExtensionMetadata ReadExtension(ScaleReader r) => new(r.ReadString(), r.ReadCompactInt(), r.ReadCompactInt());

    private static RuntimeApiMetadata ReadApi(ScaleReader r)
    {
        var name = r.ReadString();
        var methods = r.ReadVector(x =>
        {
            var method = new RuntimeApiMethod(x.ReadString(), x.ReadVector(y => new TypeField(y.ReadString(), y.ReadCompactInt(), null)), x.ReadCompactInt());
            SkipDocs(x);
            return method;
        });
        SkipDocs(r);
        return new RuntimeApiMetadata(name, methods);
    }

    private static void SkipDocs(ScaleReader r) => r.ReadVector(x => x.ReadBytes(x.ReadCompactInt()).Length);
}
