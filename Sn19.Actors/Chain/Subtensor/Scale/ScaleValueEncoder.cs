namespace Sn19.Actors.Chain.Subtensor.Scale;

using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;
using Sn19.Actors.Chain.Subtensor.Metadata;

/// <summary>
/// Encodes a JSON value as a type of a runtime's registry (the mirror of <see cref="ScaleValueDecoder"/>): objects for
/// structs by field name, arrays for vectors, tuples and arrays, 0x-hex for bytes, numbers or decimal strings for integers,
/// a variant name (or <c>{name: fields}</c>) for enums. A value that does not fit its type is an error naming the path.
/// </summary>
public sealed class ScaleValueEncoder(RuntimeMetadata metadata)
{
    public void Encode(int type, JsonNode? value, ScaleWriter writer, string path = "$")
    {
        switch (metadata.Type(type).Definition)
        {
            case CompositeType c:
                Fields(c.Fields, value, writer, path);
                break;
            case VariantType v:
                Variant(v, value, writer, path);
                break;
            case SequenceType s:
                Many(s.Element, value, writer, path, fixedLength: null);
                break;
            case ArrayType a:
                Many(a.Element, value, writer, path, a.Length);
                break;
            case TupleType t:
                var items = t.Elements.Count == 0 ? [] : Array(value, path, t.Elements.Count);
                for (var i = 0; i < t.Elements.Count; i++)
                {
                    Encode(t.Elements[i], items[i], writer, $"{path}[{i}]");
                }

                break;
            case PrimitiveType p:
                Primitive(p.Primitive, value, writer, path);
                break;
            case CompactType:
                writer.WriteCompact(Integer(value, path));
                break;
            default:
                throw new ArgumentException($"{path}: cannot encode a {metadata.Type(type).Definition.GetType().Name}");
        }
    }

    private void Fields(IReadOnlyList<TypeField> fields, JsonNode? value, ScaleWriter writer, string path)
    {
        if (fields.Count == 1 && fields[0].Name is null)
        {
            Encode(fields[0].Type, value, writer, path);
            return;
        }

        if (fields.All(f => f.Name is not null))
        {
            var record = fields.Count == 0 ? null : value as JsonObject ?? throw new ArgumentException($"{path}: a struct needs an object");
            foreach (var field in fields)
            {
                Encode(field.Type, record![field.Name!] ?? throw new ArgumentException($"{path}.{field.Name} is missing"), writer, $"{path}.{field.Name}");
            }

            return;
        }

        var items = Array(value, path, fields.Count);
        for (var i = 0; i < fields.Count; i++)
        {
            Encode(fields[i].Type, items[i], writer, $"{path}[{i}]");
        }
    }

    private void Variant(VariantType type, JsonNode? value, ScaleWriter writer, string path)
    {
        var (name, fields) = value is JsonObject { Count: 1 } o ? (o.First().Key, o.First().Value) : (value?.GetValue<string>(), null);
        var variant = type.Variants.FirstOrDefault(v => v.Name == name)
            ?? throw new ArgumentException($"{path}: '{name}' is not one of {string.Join(", ", type.Variants.Select(v => v.Name))}");
        writer.WriteByte(variant.Index);
        Fields(variant.Fields, fields, writer, $"{path}.{name}");
    }

    private void Many(int element, JsonNode? value, ScaleWriter writer, string path, int? fixedLength)
    {
        if (metadata.Type(element).Definition is PrimitiveType { Primitive: ScalePrimitive.U8 } && value is JsonValue text && text.TryGetValue<string>(out var hex))
        {
            var bytes = Convert.FromHexString(hex.StartsWith("0x", StringComparison.Ordinal) ? hex[2..] : hex);
            if (fixedLength is null)
            {
                writer.WriteCompact(bytes.Length);
            }
            else if (bytes.Length != fixedLength)
            {
                throw new ArgumentException($"{path}: {fixedLength} bytes are needed, not {bytes.Length}");
            }

            writer.WriteBytes(bytes);
            return;
        }

        var items = value as JsonArray ?? throw new ArgumentException($"{path}: a sequence needs an array");
        if (fixedLength is null)
        {
            writer.WriteCompact(items.Count);
        }
        else if (items.Count != fixedLength)
        {
            throw new ArgumentException($"{path}: {fixedLength} items are needed, not {items.Count}");
        }

        for (var i = 0; i < items.Count; i++)
        {
            Encode(element, items[i], writer, $"{path}[{i}]");
        }
    }

    private static void Primitive(ScalePrimitive primitive, JsonNode? value, ScaleWriter writer, string path)
    {
        switch (primitive)
        {
            case ScalePrimitive.Bool:
                writer.WriteBool(value?.GetValue<bool>() ?? throw new ArgumentException($"{path}: a bool is needed"));
                break;
            case ScalePrimitive.Str:
                writer.WriteString(value?.GetValue<string>() ?? throw new ArgumentException($"{path}: a string is needed"));
                break;
            default:
                var width = primitive switch
                {
                    ScalePrimitive.U8 or ScalePrimitive.I8 => 1,
                    ScalePrimitive.U16 or ScalePrimitive.I16 => 2,
                    ScalePrimitive.U32 or ScalePrimitive.I32 or ScalePrimitive.Char => 4,
                    ScalePrimitive.U64 or ScalePrimitive.I64 => 8,
                    ScalePrimitive.U128 or ScalePrimitive.I128 => 16,
                    _ => 32,
                };
                var number = Integer(value, path);
                var signed = primitive is ScalePrimitive.I8 or ScalePrimitive.I16 or ScalePrimitive.I32 or ScalePrimitive.I64 or ScalePrimitive.I128 or ScalePrimitive.I256;
                var bits = (width * 8) - (signed ? 1 : 0);
                if ((!signed && number.Sign < 0) || BigInteger.Abs(number) >= BigInteger.One << bits)
                {
                    throw new ArgumentException($"{path}: {number} does not fit a {primitive.ToString().ToLowerInvariant()}");
                }

                writer.WriteUnsigned(number, width);
                break;
        }
    }

    private static BigInteger Integer(JsonNode? value, string path) =>
        value is not null && BigInteger.TryParse(value.ToJsonString().Trim('"'), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new ArgumentException($"{path}: an integer is needed, not {value?.ToJsonString() ?? "null"}");

    private static JsonArray Array(JsonNode? value, string path, int count) =>
        value is JsonArray items && items.Count == count ? items : throw new ArgumentException($"{path}: an array of {count} is needed");
}
