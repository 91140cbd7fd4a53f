namespace Sn19.Host.Organic;

using System.Text.Json.Serialization;

/// <summary>Credits per 1,000 prompt and completion tokens.</summary>
internal sealed record ModelPricing(
    [property: JsonPropertyName("prompt_per_1k")] decimal PromptPer1K,
    [property: JsonPropertyName("completion_per_1k")] decimal CompletionPer1K);
