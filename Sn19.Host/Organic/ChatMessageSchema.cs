namespace Sn19.Host.Organic;

using System.Text.Json.Serialization;

/// <summary>A chat message as /docs describes it: role system, developer, user or assistant.</summary>
internal sealed record ChatMessageSchema(
    [property: JsonPropertyName("role")] string Role,
    [property: JsonPropertyName("content")] string Content);
