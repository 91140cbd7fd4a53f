namespace Sn19.Actors.Wire.OpenAi;

/// <summary>
/// What a text request must satisfy before any work is done for it, checked where it enters (a miner's
/// endpoint, the organic gateway). A violation is a value naming the field, so the caller answers 400 with
/// it instead of letting the engine fail on it later (a null message, a top_p that is 0 as a float).
/// </summary>
public static class TextRequestRules
{
    /// <summary>Largest max_tokens a request may ask for.</summary>
    public const int MaxTokensLimit = 8192;

    /// <summary>Most chat turns in one request; a longer conversation cannot fit any served context anyway.</summary>
    public const int MaxMessages = 256;

    private static readonly string[] Roles = ["system", "user", "assistant"];

    /// <summary>The first rule <paramref name="request"/> breaks for an endpoint of <paramref name="kind"/>, or null.</summary>
    public static TextRequestProblem? Check(TextRequest? request, TextRequestKind kind)
    {
        if (request is null)
        {
            return new TextRequestProblem("body", "the body is empty");
        }

        if (string.IsNullOrEmpty(request.Model))
        {
            return new TextRequestProblem("model", "model is required");
        }

        var shape = kind == TextRequestKind.Chat ? CheckMessages(request) : CheckPrompt(request);
        if (shape is not null)
        {
            return shape;
        }

        // Sampling runs in single precision: a double that rounds to 0 or past 1 as a float is out of range.
        return request switch
        {
            { MaxTokens: < 1 or > MaxTokensLimit } => new("max_tokens", $"max_tokens must be in [1, {MaxTokensLimit}]"),
            _ when !InRange((float)request.Temperature, 0, 2) => new("temperature", "temperature must be in [0, 2]"),
            _ when !((float)request.TopP > 0 && (float)request.TopP <= 1) => new("top_p", "top_p must be in (0, 1]"),
            { TopK: < 0 } => new("top_k", "top_k must not be negative"),
            { TopLogprobs: < 0 or > 20 } => new("top_logprobs", "top_logprobs must be in [0, 20]"),
            _ => null,
        };
    }

    private static TextRequestProblem? CheckPrompt(TextRequest request) =>
        request.Messages is not null ? new("messages", "a completion request takes a prompt, not messages")
        : request.Prompt is null ? new("prompt", "a completion request needs a prompt")
        : null;

    private static TextRequestProblem? CheckMessages(TextRequest request)
    {
        if (request.Prompt is not null)
        {
            return new("prompt", "a chat request takes messages, not a prompt");
        }

        if (request.Messages is not { Count: > 0 } messages)
        {
            return new("messages", "a chat request needs at least one message");
        }

        if (messages.Count > MaxMessages)
        {
            return new("messages", $"messages has {messages.Count} turns; at most {MaxMessages} are accepted");
        }

        for (var i = 0; i < messages.Count; i++)
        {
            var problem = messages[i] switch
            {
                null => new TextRequestProblem($"messages[{i}]", "a message must be an object with role and content"),
                { Content: null } => new($"messages[{i}].content", "content is required"),
                { Role: var role } when Array.IndexOf(Roles, role) < 0 => new($"messages[{i}].role", "role must be system, user or assistant"),
                _ => null,
            };
            if (problem is not null)
            {
                return problem;
            }
        }

        return null;
    }

    private static bool InRange(float value, float low, float high) => value >= low && value <= high;
}
