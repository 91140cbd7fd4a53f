namespace Sn19.Host.Organic;

using System.Text.Json;
using Sn19.Actors.Wire.OpenAi;

/// <summary>
/// Reads what the user needs out of a miner's (vLLM-shaped) chunk: the token's text, log-probability and
/// alternatives, the finish reason; or, from the closing chunk, the prompt tokens the miner counted.
/// A chunk of an unexpected shape gives empty values rather than an exception: the query client already
/// counted it as a token, and the check judges the miner's honesty, not this reader.
/// </summary>
internal static class MinerChunk
{
    public static (UserToken Token, string? FinishReason) Token(JsonElement chunk, TextRequestKind kind)
    {
        var choice = chunk.GetProperty("choices")[0];
        var finish = choice.TryGetProperty("finish_reason", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null;
        var logprobs = choice.TryGetProperty("logprobs", out var l) && l.ValueKind == JsonValueKind.Object ? l : default;
        return kind == TextRequestKind.Chat ? (ChatToken(choice, logprobs), finish) : (CompletionToken(choice, logprobs), finish);
    }

    /// <summary>The prompt_tokens of a usage chunk, or null.</summary>
    public static int? PromptTokens(JsonElement chunk) =>
        chunk.ValueKind == JsonValueKind.Object && chunk.TryGetProperty("usage", out var usage) && usage.ValueKind == JsonValueKind.Object
        && usage.TryGetProperty("prompt_tokens", out var prompt) && prompt.ValueKind == JsonValueKind.Number && prompt.TryGetInt32(out var count)
            ? count
            : null;

    private static UserToken ChatToken(JsonElement choice, JsonElement logprobs)
    {
        var text = choice.TryGetProperty("delta", out var delta) && delta.ValueKind == JsonValueKind.Object ? StringOf(delta, "content") : "";
        if (logprobs.ValueKind != JsonValueKind.Object || !logprobs.TryGetProperty("content", out var content)
            || content.ValueKind != JsonValueKind.Array || content.GetArrayLength() == 0)
        {
            return new UserToken(text, 0, []);
        }

        var entry = content[0];
        var top = new List<(string, double)>();
        if (entry.TryGetProperty("top_logprobs", out var alternatives) && alternatives.ValueKind == JsonValueKind.Array)
        {
            foreach (var alternative in alternatives.EnumerateArray())
            {
                top.Add((StringOf(alternative, "token"), NumberOf(alternative, "logprob")));
            }
        }

        return new UserToken(text, NumberOf(entry, "logprob"), top);
    }

    private static UserToken CompletionToken(JsonElement choice, JsonElement logprobs)
    {
        var text = StringOf(choice, "text");
        if (logprobs.ValueKind != JsonValueKind.Object)
        {
            return new UserToken(text, 0, []);
        }

        var logprob = logprobs.TryGetProperty("token_logprobs", out var values) && values.ValueKind == JsonValueKind.Array && values.GetArrayLength() > 0
            && values[0].ValueKind == JsonValueKind.Number ? values[0].GetDouble() : 0;
        var top = new List<(string, double)>();
        if (logprobs.TryGetProperty("top_logprobs", out var tops) && tops.ValueKind == JsonValueKind.Array && tops.GetArrayLength() > 0
            && tops[0].ValueKind == JsonValueKind.Object)
        {
            foreach (var alternative in tops[0].EnumerateObject())
            {
                top.Add((alternative.Name, alternative.Value.ValueKind == JsonValueKind.Number ? alternative.Value.GetDouble() : 0));
            }
        }

        return new UserToken(text, logprob, top);
    }

    private static string StringOf(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : "";

    private static double NumberOf(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
            ? value.GetDouble()
            : 0;
}
