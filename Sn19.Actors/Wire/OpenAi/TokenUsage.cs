namespace Sn19.Actors.Wire.OpenAi;

using System.Text.Json.Serialization;

/// <summary>Token counts of one request, as OpenAI reports them.</summary>
public sealed record TokenUsage(
    [property: JsonPropertyName("prompt_tokens")] int PromptTokens,
    [property: JsonPropertyName("completion_tokens")] int CompletionTokens)
{
    [JsonPropertyName("total_tokens")] public int TotalTokens => PromptTokens + CompletionTokens;
}
