namespace Sn19.Actors.Wire.OpenAi;

using System.Text.Json.Serialization;

/// <summary>
/// The body of an OpenAI-compatible text request as a validator sends it to a miner (and as an API user
/// sends it to the validator). Exactly one of <see cref="Messages"/> (chat) and <see cref="Prompt"/>
/// (completion) is set. The field names and defaults are vLLM's, so a miner can forward the body as is.
/// </summary>
public sealed record TextRequest
{
    [JsonPropertyName("model")] public required string Model { get; init; }

    [JsonPropertyName("messages")] public IReadOnlyList<ChatMessage>? Messages { get; init; }

    [JsonPropertyName("prompt")] public string? Prompt { get; init; }

    [JsonPropertyName("temperature")] public double Temperature { get; init; }

    [JsonPropertyName("max_tokens")] public int MaxTokens { get; init; } = 500;

    [JsonPropertyName("seed")] public long Seed { get; init; }

    [JsonPropertyName("top_p")] public double TopP { get; init; } = 1.0;

    /// <summary>5 makes the miner's reported log-probabilities comparable with the checker's (reference A.4).</summary>
    [JsonPropertyName("top_k")] public int TopK { get; init; } = 5;

    [JsonPropertyName("stream")] public bool Stream { get; init; } = true;

    [JsonPropertyName("logprobs")] public bool Logprobs { get; init; } = true;

    [JsonPropertyName("top_logprobs")] public int TopLogprobs { get; init; }

    /// <summary>
    /// vLLM's extension: each reported token is written <c>token_id:N</c>. The checker scores exactly the ids
    /// the miner produced instead of re-tokenising its text, which can split differently.
    /// </summary>
    [JsonPropertyName("return_tokens_as_token_ids")] public bool ReturnTokensAsTokenIds { get; init; } = true;

    [JsonIgnore] public TextRequestKind Kind => Prompt is not null ? TextRequestKind.Completion : TextRequestKind.Chat;
}
