namespace Sn19.Host.Organic;

using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Sn19.Actors.Wire.OpenAi;

/// <summary>
/// Reads an OpenAI request body into a <see cref="UserRequest"/>, or the first problem as a 400 naming the field
/// (404 for a model not served). Hostile input is expected: any JSON shape, wrong types, deep nesting, huge
/// numbers and invalid UTF-8 all end here as an error value, never as an exception.
/// Accepted as OpenAI documents them: model, messages (content a string or text parts), prompt (a string or
/// one string in an array), max_tokens / max_completion_tokens, temperature, top_p, seed, stream,
/// stream_options.include_usage, logprobs (a bool for chat, 0–5 for completions), top_logprobs, n = 1, and
/// top_k (vLLM's). Unknown fields are ignored, as OpenAI-compatible servers do; a field that would change
/// the answer and is not supported (stop, penalties, tools, n > 1) is refused rather than silently dropped.
/// </summary>
internal static class UserRequestReader
{
    private static readonly JsonDocumentOptions Parsing = new() { MaxDepth = 16, CommentHandling = JsonCommentHandling.Disallow };

    /// <summary>Prompt tokens a chat template adds per message and per request, at most (role headers, end markers).</summary>
    private const int TemplateTokensPerMessage = 8;

    private const int TemplateTokensPerRequest = 8;

    private static readonly string[] Unsupported = ["stop", "presence_penalty", "frequency_penalty", "logit_bias", "tools", "functions", "tool_choice", "response_format", "suffix", "echo", "best_of"];

    public static (UserRequest? Request, OpenAiError? Error) Read(ReadOnlyMemory<byte> body, TextRequestKind kind, ModelCatalog catalog, OrganicOptions options)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, Parsing);
        }
        catch (JsonException error)
        {
            return (null, OpenAiError.Invalid("body", $"the body is not valid JSON: {error.Message}"));
        }
        catch (ArgumentException error)
        {
            // Invalid UTF-8 surfaces as an ArgumentException from the decoder in some paths.
            return (null, OpenAiError.Invalid("body", $"the body is not valid UTF-8 JSON: {error.Message}"));
        }

        using (document)
        {
            try
            {
                return Read(document.RootElement, kind, catalog, options);
            }
            catch (InvalidOperationException error)
            {
                // A string with invalid escapes or UTF-8 that the parser let through lazily.
                return (null, OpenAiError.Invalid("body", $"the body holds a value that cannot be read: {error.Message}"));
            }
        }
    }

    private static (UserRequest?, OpenAiError?) Read(JsonElement root, TextRequestKind kind, ModelCatalog catalog, OrganicOptions options)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return (null, OpenAiError.Invalid("body", "the body must be a JSON object"));
        }

        if (!TryString(root, "model", out var model) || string.IsNullOrWhiteSpace(model))
        {
            return (null, OpenAiError.Invalid("model", "model is required and must be a string"));
        }

        foreach (var name in Unsupported)
        {
            if (root.TryGetProperty(name, out var value) && !IsEmpty(value))
            {
                return (null, OpenAiError.Invalid(name, $"{name} is not supported by this gateway"));
            }
        }

        if (root.TryGetProperty("n", out var n) && !IsNull(n) && !(n.ValueKind == JsonValueKind.Number && n.TryGetInt32(out var count) && count == 1))
        {
            return (null, OpenAiError.Invalid("n", "n must be 1"));
        }

        var shape = kind == TextRequestKind.Chat ? ReadMessages(root) : ReadPrompt(root);
        if (shape.Error is not null)
        {
            return (null, shape.Error);
        }

        var numbers = ReadSampling(root, kind, options);
        if (numbers.Error is not null)
        {
            return (null, numbers.Error);
        }

        if (catalog.Resolve(model, kind) is not { } task)
        {
            return (null, OpenAiError.UnknownModel(model, catalog.NamesFor(kind)));
        }

        var (messages, prompt, bound) = shape.Value;
        var s = numbers.Value;
        var miner = new TextRequest
        {
            Model = task.Id,
            Messages = messages,
            Prompt = prompt,
            Temperature = s.Temperature,
            TopP = s.TopP,
            TopK = s.TopK,
            MaxTokens = s.MaxTokens,
            Seed = s.Seed ?? RandomNumberGenerator.GetInt32(1, 100_001),
            Stream = true,
            Logprobs = true,
            TopLogprobs = s.TopLogprobs,
        };
        if (TextRequestRules.Check(miner, kind) is { } problem)
        {
            return (null, OpenAiError.Invalid(problem.Field, problem.Message));
        }

        return (new UserRequest(task, miner, model, s.Stream, s.IncludeUsage, s.Logprobs, s.TopLogprobs, bound), null);
    }

    private readonly record struct Sampling(
        double Temperature, double TopP, int TopK, int MaxTokens, long? Seed, bool Stream, bool IncludeUsage, bool Logprobs, int TopLogprobs);

    private static (Sampling Value, OpenAiError? Error) ReadSampling(JsonElement root, TextRequestKind kind, OrganicOptions options)
    {
        OpenAiError? error = null;
        var maxTokens = Int(root, "max_completion_tokens", ref error) ?? Int(root, "max_tokens", ref error) ?? options.DefaultMaxTokens;
        var temperature = Number(root, "temperature", ref error) ?? 1.0;
        var topP = Number(root, "top_p", ref error) ?? 1.0;
        var topK = Int(root, "top_k", ref error) ?? 5;
        var seed = Long(root, "seed", ref error);
        var stream = Bool(root, "stream", ref error) ?? false;
        var includeUsage = false;
        if (root.TryGetProperty("stream_options", out var streamOptions) && !IsNull(streamOptions))
        {
            if (streamOptions.ValueKind != JsonValueKind.Object)
            {
                return (default, OpenAiError.Invalid("stream_options", "stream_options must be an object"));
            }

            includeUsage = Bool(streamOptions, "include_usage", ref error) ?? false;
        }

        bool logprobs;
        int topLogprobs;
        if (kind == TextRequestKind.Chat)
        {
            logprobs = Bool(root, "logprobs", ref error) ?? false;
            topLogprobs = Int(root, "top_logprobs", ref error) ?? 0;
        }
        else
        {
            // Completions: logprobs is the number of alternatives (0..5), and asking for it at all means per-token log-probabilities.
            var asked = Int(root, "logprobs", ref error);
            logprobs = asked is not null;
            topLogprobs = asked ?? 0;
            if (asked is < 0 or > 5)
            {
                error ??= OpenAiError.Invalid("logprobs", "logprobs must be in [0, 5] for completions");
            }
        }

        if (error is null && maxTokens > options.MaxTokens)
        {
            error = OpenAiError.Invalid("max_tokens", $"max_tokens must be at most {options.MaxTokens} here");
        }

        return (new Sampling(temperature, topP, topK, maxTokens, seed, stream, includeUsage, logprobs, topLogprobs), error);
    }

    private static ((IReadOnlyList<ChatMessage>? Messages, string? Prompt, int Bound) Value, OpenAiError? Error) ReadMessages(JsonElement root)
    {
        if (!root.TryGetProperty("messages", out var array) || array.ValueKind != JsonValueKind.Array)
        {
            return (default, OpenAiError.Invalid("messages", "messages is required and must be an array"));
        }

        var messages = new List<ChatMessage>();
        var bound = TemplateTokensPerRequest;
        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            if (i >= TextRequestRules.MaxMessages)
            {
                return (default, OpenAiError.Invalid("messages", $"at most {TextRequestRules.MaxMessages} messages are accepted"));
            }

            if (item.ValueKind != JsonValueKind.Object || !TryString(item, "role", out var role))
            {
                return (default, OpenAiError.Invalid($"messages[{i}].role", "each message needs a string role"));
            }

            if (!TryContent(item, out var content))
            {
                return (default, OpenAiError.Invalid($"messages[{i}].content", "content must be a string or an array of text parts"));
            }

            // "developer" is what newer OpenAI clients call the system message.
            messages.Add(new ChatMessage(role == "developer" ? "system" : role, content));
            bound += Encoding.UTF8.GetByteCount(content) + TemplateTokensPerMessage;
            i++;
        }

        return ((messages, null, bound), null);
    }

    private static ((IReadOnlyList<ChatMessage>? Messages, string? Prompt, int Bound) Value, OpenAiError? Error) ReadPrompt(JsonElement root)
    {
        if (!root.TryGetProperty("prompt", out var prompt))
        {
            return (default, OpenAiError.Invalid("prompt", "prompt is required"));
        }

        string? text = prompt.ValueKind switch
        {
            JsonValueKind.String => prompt.GetString(),
            JsonValueKind.Array when prompt.GetArrayLength() == 1 && prompt[0].ValueKind == JsonValueKind.String => prompt[0].GetString(),
            _ => null,
        };
        return text is null
            ? (default, OpenAiError.Invalid("prompt", "prompt must be a string (or an array of exactly one string)"))
            : ((null, text, Encoding.UTF8.GetByteCount(text) + TemplateTokensPerRequest), null);
    }

    private static bool TryContent(JsonElement message, out string content)
    {
        content = "";
        if (!message.TryGetProperty("content", out var value))
        {
            return false;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            content = value.GetString()!;
            return true;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        var text = new StringBuilder();
        foreach (var part in value.EnumerateArray())
        {
            if (part.ValueKind != JsonValueKind.Object || !TryString(part, "type", out var type) || type != "text" || !TryString(part, "text", out var piece))
            {
                return false;
            }

            text.Append(piece);
        }

        content = text.ToString();
        return true;
    }

    private static bool TryString(JsonElement element, string name, out string value)
    {
        value = "";
        if (!element.TryGetProperty(name, out var property) || property.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        value = property.GetString()!;
        return true;
    }

    private static bool IsNull(JsonElement value) => value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined;

    /// <summary>Null, false, 0, "" or an empty array: a client spelling out a default, not asking for the feature.</summary>
    private static bool IsEmpty(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.False => true,
        JsonValueKind.Number => value.TryGetDouble(out var d) && d == 0,
        JsonValueKind.String => value.GetString()!.Length == 0,
        JsonValueKind.Array => value.GetArrayLength() == 0,
        _ => false,
    };

    private static double? Number(JsonElement root, string name, ref OpenAiError? error)
    {
        if (!root.TryGetProperty(name, out var value) || IsNull(value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number))
        {
            return number;
        }

        error ??= OpenAiError.Invalid(name, $"{name} must be a number");
        return null;
    }

    private static int? Int(JsonElement root, string name, ref OpenAiError? error)
    {
        if (!root.TryGetProperty(name, out var value) || IsNull(value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number))
        {
            return number;
        }

        error ??= OpenAiError.Invalid(name, $"{name} must be an integer");
        return null;
    }

    private static long? Long(JsonElement root, string name, ref OpenAiError? error)
    {
        if (!root.TryGetProperty(name, out var value) || IsNull(value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number))
        {
            return number;
        }

        error ??= OpenAiError.Invalid(name, $"{name} must be an integer");
        return null;
    }

    private static bool? Bool(JsonElement root, string name, ref OpenAiError? error)
    {
        if (!root.TryGetProperty(name, out var value) || IsNull(value))
        {
            return null;
        }

        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        error ??= OpenAiError.Invalid(name, $"{name} must be true or false");
        return null;
    }
}
