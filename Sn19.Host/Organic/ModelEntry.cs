namespace Sn19.Host.Organic;

using System.Text.Json.Serialization;

/// <summary>One entry of <c>GET /v1/models</c>: OpenAI's fields, and which endpoint serves it at what price.</summary>
internal sealed record ModelEntry(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("object")] string Object,
    [property: JsonPropertyName("created")] long Created,
    [property: JsonPropertyName("owned_by")] string OwnedBy,
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("endpoint")] string Endpoint,
    [property: JsonPropertyName("pricing")] ModelPricing Pricing);
