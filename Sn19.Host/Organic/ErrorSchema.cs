namespace Sn19.Host.Organic;

using System.Text.Json.Serialization;

/// <summary>OpenAI's error body as /docs describes it (written by <see cref="OpenAiError"/>).</summary>
internal sealed record ErrorSchema([property: JsonPropertyName("error")] ErrorDetailSchema Error);
