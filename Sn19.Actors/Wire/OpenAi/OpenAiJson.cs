namespace Sn19.Actors.Wire.OpenAi;

using System.Text.Json;

/// <summary>
/// The pieces of OpenAI's response JSON that the miner's writer (<see cref="OpenAiChunkWriter"/>, token ids for the
/// checker) and the gateway's writer (token text for API users) both write, in one place.
/// </summary>
public static class OpenAiJson
{
    /// <summary>One token for a log-probability listing: its name as written, its log-probability, its alternatives.</summary>
    public readonly record struct LoggedToken(string Name, double Logprob, IEnumerable<(string Name, double Logprob)> Top);

    public static void WriteFinishReason(Utf8JsonWriter json, string? finishReason)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (finishReason is null)
        {
            json.WriteNull("finish_reason");
        }
        else
        {
            json.WriteString("finish_reason", finishReason);
        }
    }

    public static void WriteUsage(Utf8JsonWriter json, TokenUsage usage)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(usage);
        json.WriteStartObject("usage");
        json.WriteNumber("prompt_tokens", usage.PromptTokens);
        json.WriteNumber("completion_tokens", usage.CompletionTokens);
        json.WriteNumber("total_tokens", usage.TotalTokens);
        json.WriteEndObject();
    }

    /// <summary>The legacy completions API's <c>logprobs</c> object: tokens, their log-probabilities, the alternatives
    /// as a name → log-probability map per token, and each token's character offset from <paramref name="offset"/>
    /// (offsets count the text of <paramref name="texts"/>, which may differ from the names).</summary>
    public static void WriteCompletionLogprobs(Utf8JsonWriter json, IReadOnlyList<LoggedToken> tokens, IReadOnlyList<string> texts, int offset)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(texts);
        json.WriteStartObject("logprobs");
        json.WriteStartArray("tokens");
        foreach (var token in tokens)
        {
            json.WriteStringValue(token.Name);
        }

        json.WriteEndArray();
        json.WriteStartArray("token_logprobs");
        foreach (var token in tokens)
        {
            json.WriteNumberValue(token.Logprob);
        }

        json.WriteEndArray();
        json.WriteStartArray("top_logprobs");
        foreach (var token in tokens)
        {
            json.WriteStartObject();
            foreach (var (name, logprob) in token.Top)
            {
                json.WriteNumber(name, logprob);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("text_offset");
        foreach (var text in texts)
        {
            json.WriteNumberValue(offset);
            offset += text.Length;
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
