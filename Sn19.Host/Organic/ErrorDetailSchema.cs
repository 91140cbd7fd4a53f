namespace Sn19.Host.Organic;

using System.Text.Json.Serialization;

internal sealed record ErrorDetailSchema(
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("param")] string? Param,
    [property: JsonPropertyName("code")] string Code);
