namespace Sn19.Actors.Chain.Subtensor.Scale;

using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;
using Sn19.Actors.Chain.Subtensor.Metadata;

/// <summary>
/// Decodes SCALE bytes of any type of a runtime's registry into JSON, so a value is read by its field names rather than by
/// a layout written down here: structs become objects (a struct of one unnamed field, such as <c>AccountId32</c>, becomes
/// that field), enums their variant name (with its fields as <c>{name: fields}</c>), bytes (<c>u8</c> arrays and vectors)
/// 0x-hex strings, integers numbers (decimal strings from 128 bits up).
/// </summary>
public sealed class ScaleValueDecoder(RuntimeMetadata metadata)
{
    private const int MaxDepth = 64;

    public JsonNode? Decode(int type, ScaleReader reader) => Decode(type, reader, 0);

    private JsonNode? Decode(int type, ScaleReader reader, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new ScaleFormatException($"types nest deeper than {MaxDepth}", reader.Position);
        }

        return metadata.Type(type).Definition switch
        {
            CompositeType c => Fields(c.Fields, reader, depth),
            VariantType v => Variant(v, reader, depth),
            SequenceType s => Many(s.Element, reader.ReadCompactInt(), reader, depth),
            ArrayType a => Many(a.Element, a.Length, reader, depth),
            TupleType t => t.Elements.Count == 0 ? null : new JsonArray([.. t.Elements.Select(e => Decode(e, reader, depth + 1))]),
            PrimitiveType p => Primitive(p.Primitive, reader),
            CompactType => Number(reader.ReadCompact()),
            BitSequenceType => JsonValue.Create("0x" + Convert.ToHexStringLower(reader.ReadBytes((reader.ReadCompactInt() + 7) / 8))),
            var other => throw new ScaleFormatException($"cannot decode {other}", reader.Position),
        };
    }

    private JsonNode? Fields(IReadOnlyList<TypeField> fields, ScaleReader reader, int depth)
    {
        if (fields.Count == 1 && fields[0].Name is null)
        {
            return Decode(fields[0].Type, reader, depth + 1);
        }

        if (fields.Count > 0 && fields.All(f => f.Name is not null))
        {
            var result = new JsonObject();
            foreach (var field in fields)
            {
                result[field.Name!] = Decode(field.Type, reader, depth + 1);
            }

            return result;
        }

        return fields.Count == 0 ? null : new JsonArray([.. fields.Select(f => Decode(f.Type, reader, depth + 1))]);
    }

    private JsonNode? Variant(VariantType type, ScaleReader reader, int depth)
    {
        var at = reader.Position;
        var index = reader.ReadByte();
        var variant = type.Variants.FirstOrDefault(v => v.Index == index)
            ?? throw new ScaleFormatException($"no variant {index} among {string.Join(", ", type.Variants.Select(v => v.Name))}", at);
        return variant.Fields.Count == 0 ? JsonValue.Create(variant.Name) : new JsonObject { [variant.Name] = Fields(variant.Fields, reader, depth) };
    }

    private JsonNode Many(int element, int count, ScaleReader reader, int depth)
    {
        if (metadata.Type(element).Definition is PrimitiveType { Primitive: ScalePrimitive.U8 })
        {
            return JsonValue.Create("0x" + Convert.ToHexStringLower(reader.ReadBytes(count)));
        }

        if (count > reader.Remaining)
        {
            throw new ScaleFormatException($"{count} items in {reader.Remaining} bytes", reader.Position);
        }

        var items = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            items.Add(Decode(element, reader, depth + 1));
        }

        return items;
    }

    private static JsonNode? Primitive(ScalePrimitive primitive, ScaleReader reader) => primitive switch
    {
        ScalePrimitive.Bool => JsonValue.Create(reader.ReadBool()),
        ScalePrimitive.Char => JsonValue.Create(char.ConvertFromUtf32((int)reader.ReadU32())),
        ScalePrimitive.Str => JsonValue.Create(reader.ReadString()),
        ScalePrimitive.U8 => JsonValue.Create(reader.ReadByte()),
        ScalePrimitive.U16 => JsonValue.Create(reader.ReadU16()),
        ScalePrimitive.U32 => JsonValue.Create(reader.ReadU32()),
        ScalePrimitive.U64 => JsonValue.Create(reader.ReadU64()),
        ScalePrimitive.U128 => JsonValue.Create(reader.ReadU128().ToString(CultureInfo.InvariantCulture)),
        ScalePrimitive.I8 => JsonValue.Create((sbyte)reader.ReadByte()),
        ScalePrimitive.I16 => JsonValue.Create((short)reader.ReadU16()),
        ScalePrimitive.I32 => JsonValue.Create((int)reader.ReadU32()),
        ScalePrimitive.I64 => JsonValue.Create((long)reader.ReadU64()),
        ScalePrimitive.I128 => JsonValue.Create(((Int128)reader.ReadU128()).ToString(CultureInfo.InvariantCulture)),
        ScalePrimitive.U256 => JsonValue.Create(new BigInteger(reader.ReadBytes(32), isUnsigned: true).ToString(CultureInfo.InvariantCulture)),
        ScalePrimitive.I256 => JsonValue.Create(new BigInteger(reader.ReadBytes(32)).ToString(CultureInfo.InvariantCulture)),
        _ => throw new ScaleFormatException($"unknown primitive {primitive}", reader.Position),
    };

    private static JsonNode Number(BigInteger value) =>
        value <= ulong.MaxValue ? JsonValue.Create((ulong)value) : JsonValue.Create(value.ToString(CultureInfo.InvariantCulture));
}
