namespace Sn19.Tests.Host.Configuration.Hocon;

using System.Globalization;
using System.Text;
using System.Text.Json;
using Sn19.Host.Configuration.Hocon;

/// <summary>A canonical text for a tree (keys sorted, numbers by value) so a HOCON tree and a JSON
/// document can be compared and a difference shows up readably in the assertion message.</summary>
internal static class HoconTreeText
{
    public static string Of(HoconValue value)
    {
        var sb = new StringBuilder();
        Write(value, sb);
        return sb.ToString();
    }

    public static string Of(JsonElement element)
    {
        var sb = new StringBuilder();
        Write(element, sb);
        return sb.ToString();
    }

    private static void Write(HoconValue value, StringBuilder sb)
    {
        switch (value)
        {
            case HoconObject obj:
                sb.Append('{');
                foreach (var (key, child) in obj.Fields.OrderBy(f => f.Key, StringComparer.Ordinal))
                {
                    sb.Append(JsonSerializer.Serialize(key)).Append(':');
                    Write(child, sb);
                    sb.Append(',');
                }

                sb.Append('}');
                break;
            case HoconArray array:
                sb.Append('[');
                foreach (var item in array.Items)
                {
                    Write(item, sb);
                    sb.Append(',');
                }

                sb.Append(']');
                break;
            case HoconScalar { Kind: HoconScalarKind.Number } n:
                sb.Append(Number(n.Text));
                break;
            case HoconScalar { Kind: HoconScalarKind.String } s:
                sb.Append(JsonSerializer.Serialize(s.Text));
                break;
            case HoconScalar s:
                sb.Append(s.Text);
                break;
            default:
                sb.Append("<unresolved ").Append(value.GetType().Name).Append('>');
                break;
        }
    }

    private static void Write(JsonElement element, StringBuilder sb)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                sb.Append('{');
                foreach (var p in element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    sb.Append(JsonSerializer.Serialize(p.Name)).Append(':');
                    Write(p.Value, sb);
                    sb.Append(',');
                }

                sb.Append('}');
                break;
            case JsonValueKind.Array:
                sb.Append('[');
                foreach (var item in element.EnumerateArray())
                {
                    Write(item, sb);
                    sb.Append(',');
                }

                sb.Append(']');
                break;
            case JsonValueKind.Number:
                sb.Append(Number(element.GetRawText()));
                break;
            case JsonValueKind.String:
                sb.Append(JsonSerializer.Serialize(element.GetString()));
                break;
            default:
                sb.Append(element.GetRawText());
                break;
        }
    }

    private static string Number(string text) =>
        decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
}
