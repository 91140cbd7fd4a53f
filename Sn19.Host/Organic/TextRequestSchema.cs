namespace Sn19.Host.Organic;

using System.ComponentModel;
using System.Text.Json.Serialization;

/// <summary>
/// The request body as /docs describes it (the OpenAPI schema of both text endpoints). It documents what
/// <see cref="UserRequestReader"/> accepts; the reader, not this type, reads requests.
/// </summary>
internal sealed record TextRequestSchema(
    [property: JsonPropertyName("model"), Description("A task id from GET /v1/models, or its model's name")] string Model,
    [property: JsonPropertyName("messages"), Description("Chat only: the conversation; content is a string or text parts")] IReadOnlyList<ChatMessageSchema>? Messages,
    [property: JsonPropertyName("prompt"), Description("Completions only: the text to continue")] string? Prompt,
    [property: JsonPropertyName("max_tokens"), Description("Most tokens to generate (also max_completion_tokens); capped by organic.max-tokens")] int? MaxTokens,
    [property: JsonPropertyName("temperature"), Description("0 to 2; default 1")] double? Temperature,
    [property: JsonPropertyName("top_p"), Description("(0, 1]; default 1")] double? TopP,
    [property: JsonPropertyName("seed"), Description("Fixes the sampling; random when absent")] long? Seed,
    [property: JsonPropertyName("stream"), Description("Server-sent events, one token each, then data: [DONE]")] bool? Stream,
    [property: JsonPropertyName("stream_options"), Description("{\"include_usage\": true} adds a last chunk with usage")] StreamOptionsSchema? StreamOptions,
    [property: JsonPropertyName("logprobs"), Description("Chat: true for per-token log-probabilities; completions: 0-5 alternatives")] object? Logprobs,
    [property: JsonPropertyName("top_logprobs"), Description("Chat: 0-20 alternatives per token")] int? TopLogprobs);
