namespace Sn19.Host.Organic;

using System.Text.Json.Serialization;

/// <summary>OpenAI's stream_options as /docs describes it.</summary>
internal sealed record StreamOptionsSchema([property: JsonPropertyName("include_usage")] bool IncludeUsage);
