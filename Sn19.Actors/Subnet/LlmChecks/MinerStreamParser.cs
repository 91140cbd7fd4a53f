namespace Sn19.Actors.Subnet.LlmChecks;

using System.Globalization;
using System.Text.Json;
using Sn19.Actors.Wire.OpenAi;

/// <summary>
/// Turns the OpenAI stream chunks a miner sent into one <see cref="MinerToken"/> per chunk (reference A.1
/// step 1). Chunks with no choices (the usage chunk) are skipped, as is a first role-only chunk; any other
/// chunk without text or log-probability makes the whole stream invalid.
/// </summary>
public static class MinerStreamParser
{
    private const string TokenIdPrefix = "token_id:";

    public static MinerStream Parse(IReadOnlyList<JsonElement> chunks, TextRequestKind kind)
    {
        ArgumentNullException.ThrowIfNull(chunks);
        var tokens = new List<MinerToken>(chunks.Count);
        for (var i = 0; i < chunks.Count; i++)
        {
            var chunk = chunks[i];
            if (chunk.ValueKind != JsonValueKind.Object
                || !chunk.TryGetProperty("choices", out var choices)
                || choices.ValueKind != JsonValueKind.Array)
            {
                return MinerStream.Invalid($"chunk {i} has no choices array");
            }

            if (choices.GetArrayLength() == 0)
            {
                continue;
            }

            var choice = choices[0];
            var hasLogprobs = choice.TryGetProperty("logprobs", out var logprobs) && logprobs.ValueKind == JsonValueKind.Object;
            var text = kind == TextRequestKind.Chat ? ChatText(choice) : CompletionText(choice);
            if (!hasLogprobs)
            {
                // A role-only opening chunk, or a closing chunk that only carries finish_reason.
                if (string.IsNullOrEmpty(text) && (i == 0 || HasFinishReason(choice)))
                {
                    continue;
                }

                return MinerStream.Invalid($"chunk {i} has no logprobs");
            }

            if (text is null)
            {
                return MinerStream.Invalid($"chunk {i} has no text");
            }

            var parsed = kind == TextRequestKind.Chat ? ChatLogprob(logprobs) : CompletionLogprob(logprobs);
            if (parsed is not { } entry)
            {
                return MinerStream.Invalid($"chunk {i} has a malformed logprob");
            }

            tokens.Add(new MinerToken(text, entry.Logprob, ParseTokenId(entry.Token)));
        }

        return new MinerStream(tokens, null);
    }

    private static string? ChatText(JsonElement choice) =>
        choice.TryGetProperty("delta", out var delta) && delta.ValueKind == JsonValueKind.Object
            && delta.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.String
            ? content.GetString()
            : null;

    private static string? CompletionText(JsonElement choice) =>
        choice.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String ? text.GetString() : null;

    private static bool HasFinishReason(JsonElement choice) =>
        choice.TryGetProperty("finish_reason", out var reason) && reason.ValueKind == JsonValueKind.String;

    private static (double Logprob, string? Token)? ChatLogprob(JsonElement logprobs)
    {
        if (!logprobs.TryGetProperty("content", out var content) || content.ValueKind != JsonValueKind.Array
            || content.GetArrayLength() == 0)
        {
            return null;
        }

        var first = content[0];
        if (!first.TryGetProperty("logprob", out var value) || value.ValueKind != JsonValueKind.Number)
        {
            return null;
        }

        var token = first.TryGetProperty("token", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        return (value.GetDouble(), token);
    }

    private static (double Logprob, string? Token)? CompletionLogprob(JsonElement logprobs)
    {
        if (!logprobs.TryGetProperty("token_logprobs", out var values) || values.ValueKind != JsonValueKind.Array
            || values.GetArrayLength() == 0 || values[0].ValueKind != JsonValueKind.Number)
        {
            return null;
        }

        string? token = null;
        if (logprobs.TryGetProperty("tokens", out var tokens) && tokens.ValueKind == JsonValueKind.Array
            && tokens.GetArrayLength() > 0 && tokens[0].ValueKind == JsonValueKind.String)
        {
            token = tokens[0].GetString();
        }

        return (values[0].GetDouble(), token);
    }

    private static int? ParseTokenId(string? token) =>
        token is not null && token.StartsWith(TokenIdPrefix, StringComparison.Ordinal)
            && int.TryParse(token.AsSpan(TokenIdPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : null;
}
