namespace Sn19.Inference.Backends.OpenAi;

using System.Globalization;
using System.Text.Json;
using Sn19.Inference.Generation;

/// <summary>
/// Turns one streamed chunk into a <see cref="TokenStep"/> (vLLM streams one token per chunk). Chat chunks
/// carry choices[0].delta.content and logprobs.content[0]; completion chunks choices[0].text and
/// logprobs.tokens/token_logprobs/top_logprobs. Tokens arrive as "token_id:N" when the server honours
/// return_tokens_as_token_ids; otherwise ids are −1 and only text and log-probabilities are known.
/// </summary>
internal static class OpenAiChunks
{
    /// <summary>usage.prompt_tokens of a chunk (the usage chunk that ends a stream), or null.</summary>
    public static int? PromptTokens(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.TryGetProperty("usage", out var usage)
            && usage.ValueKind == JsonValueKind.Object
            && usage.TryGetProperty("prompt_tokens", out var tokens)
            && tokens.TryGetInt32(out var count)
            ? count
            : null;
    }

    /// <summary>The step in <paramref name="json"/>, or null for a chunk with no token and no finish (the role chunk, a usage chunk).</summary>
    public static TokenStep? Parse(string json, bool chat)
    {
        using var document = JsonDocument.Parse(json);
        var choices = document.RootElement.GetProperty("choices");
        if (choices.GetArrayLength() == 0)
        {
            return null;
        }

        var choice = choices[0];
        var finish = Finish(choice);
        var logprobs = choice.TryGetProperty("logprobs", out var l) && l.ValueKind == JsonValueKind.Object ? l : default;
        string text;
        int id;
        float logProb;
        var alternatives = new List<TokenAlternative>();
        if (chat)
        {
            text = choice.TryGetProperty("delta", out var delta) && delta.TryGetProperty("content", out var c) && c.ValueKind == JsonValueKind.String
                ? c.GetString()!
                : string.Empty;
            if (logprobs.ValueKind != JsonValueKind.Object || !logprobs.TryGetProperty("content", out var content) || content.ValueKind != JsonValueKind.Array || content.GetArrayLength() == 0)
            {
                return finish is null ? null : new TokenStep(-1, text, 0f, [], finish);
            }

            var token = content[0];
            id = TokenId(token.GetProperty("token").GetString());
            logProb = LogProb(token.GetProperty("logprob"));
            if (token.TryGetProperty("top_logprobs", out var tops) && tops.ValueKind == JsonValueKind.Array)
            {
                foreach (var alt in tops.EnumerateArray())
                {
                    var altToken = alt.GetProperty("token").GetString();
                    alternatives.Add(new TokenAlternative(TokenId(altToken), altToken ?? string.Empty, LogProb(alt.GetProperty("logprob"))));
                }
            }
        }
        else
        {
            text = choice.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : string.Empty;
            if (logprobs.ValueKind != JsonValueKind.Object || logprobs.GetProperty("tokens").GetArrayLength() == 0)
            {
                return finish is null ? null : new TokenStep(-1, text, 0f, [], finish);
            }

            id = TokenId(logprobs.GetProperty("tokens")[0].GetString());
            logProb = LogProb(logprobs.GetProperty("token_logprobs")[0]);
            if (logprobs.TryGetProperty("top_logprobs", out var tops) && tops.ValueKind == JsonValueKind.Array && tops.GetArrayLength() > 0 && tops[0].ValueKind == JsonValueKind.Object)
            {
                foreach (var alt in tops[0].EnumerateObject())
                {
                    alternatives.Add(new TokenAlternative(TokenId(alt.Name), alt.Name, LogProb(alt.Value)));
                }
            }

            alternatives.Sort((a, b) => b.LogProb.CompareTo(a.LogProb));
        }

        return new TokenStep(id, text, logProb, alternatives, finish);
    }

    private static FinishReason? Finish(JsonElement choice)
    {
        if (!choice.TryGetProperty("finish_reason", out var reason) || reason.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        var stopReason = choice.TryGetProperty("stop_reason", out var s) ? s : default;
        return reason.GetString() switch
        {
            "length" => FinishReason.Length,
            // vLLM leaves stop_reason null when the model's own end-of-sequence token stopped it.
            "stop" when stopReason.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null => FinishReason.Eos,
            "stop" => FinishReason.Stop,
            "abort" => FinishReason.Cancelled,
            var other => throw new InvalidDataException($"Unknown finish_reason '{other}'."),
        };
    }

    private static int TokenId(string? token) =>
        token is not null && token.StartsWith("token_id:", StringComparison.Ordinal)
            && int.TryParse(token.AsSpan(9), NumberStyles.Integer, CultureInfo.InvariantCulture, out var id)
            ? id
            : -1;

    private static float LogProb(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number ? (float)value.GetDouble() : float.NegativeInfinity;
}
