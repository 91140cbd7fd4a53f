namespace Sn19.Actors.Wire.OpenAi;

using System.Text.Json.Serialization;

/// <summary>One message of an OpenAI chat request.</summary>
public sealed record ChatMessage(
    [property: JsonPropertyName("role")] string Role,
    [property: JsonPropertyName("content")] string Content);
