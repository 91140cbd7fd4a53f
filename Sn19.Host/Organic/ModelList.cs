namespace Sn19.Host.Organic;

using System.Text.Json.Serialization;

/// <summary>The body of <c>GET /v1/models</c>, as OpenAI lists: <c>{"object": "list", "data": [...]}</c>.</summary>
internal sealed record ModelList(
    [property: JsonPropertyName("object")] string Object,
    [property: JsonPropertyName("data")] IReadOnlyList<ModelEntry> Data);
