namespace Sn19.Actors.Chain.Http;

using System.Text.Json;
using System.Text.Json.Serialization;

/// <summary>The chain API's JSON: camelCase, enums as their names.</summary>
internal static class ChainJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = false };
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
