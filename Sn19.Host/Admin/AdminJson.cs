namespace Sn19.Host.Admin;

using System.Text.Json;
using System.Text.Json.Serialization;

/// <summary>One JSON shape for the admin API and its client: camelCase, enums as strings.</summary>
internal static class AdminJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static JsonSerializerOptions Indented { get; } = new(Options) { WriteIndented = true };
}
