namespace Sn19.Inference.Backends.OpenAi;

using System.Text.Json.Nodes;
using Sn19.Inference.Generation;
using Sn19.Inference.Scoring;

/// <summary>
/// Request bodies in the OpenAI dialect plus vLLM's extensions: top_k, return_tokens_as_token_ids (tokens
/// come back as "token_id:N" so ids survive the round trip), prompt_logprobs and add_special_tokens.
/// </summary>
internal static class OpenAiRequests
{
    public static JsonObject Generation(GenerationRequest request, string model)
    {
        var s = request.Sampling;
        var body = new JsonObject
        {
            ["model"] = model,
            ["max_tokens"] = request.MaxTokens,
            ["temperature"] = s.Temperature,
            ["top_p"] = s.TopP,
            ["top_k"] = s.TopK > 0 ? s.TopK : -1,
            ["seed"] = (long)(s.Seed & long.MaxValue),
            ["stream"] = true,
            ["stream_options"] = new JsonObject { ["include_usage"] = true },
            ["return_tokens_as_token_ids"] = true,
            ["ignore_eos"] = request.IgnoreEos,
        };
        if (request.Stop.Count > 0)
        {
            body["stop"] = new JsonArray([.. request.Stop.Select(x => (JsonNode?)x)]);
        }

        if (request.StopTokenIds.Count > 0)
        {
            body["stop_token_ids"] = new JsonArray([.. request.StopTokenIds.Select(x => (JsonNode?)x)]);
        }

        if (request.Messages is not null)
        {
            body["messages"] = new JsonArray([.. request.Messages.Select(m => (JsonNode?)new JsonObject { ["role"] = m.Role, ["content"] = m.Content })]);
            body["logprobs"] = true;
            body["top_logprobs"] = request.TopLogProbs;
        }
        else
        {
            body["prompt"] = request.Prompt;
            // Completions report the sampled token's log-probability only when logprobs ≥ 1.
            body["logprobs"] = Math.Max(1, request.TopLogProbs);
        }

        return body;
    }

    public static JsonObject Scoring(ScoringRequest request, string model)
    {
        var s = request.Sampling;
        return new JsonObject
        {
            ["model"] = model,
            ["prompt"] = new JsonArray([.. request.TokenIds.Select(x => (JsonNode?)x)]),
            ["max_tokens"] = 1,
            ["temperature"] = s.Temperature,
            ["top_p"] = s.TopP,
            ["top_k"] = s.TopK > 0 ? s.TopK : -1,
            ["prompt_logprobs"] = Math.Max(1, request.TopLogProbs),
            ["add_special_tokens"] = false,
        };
    }
}
