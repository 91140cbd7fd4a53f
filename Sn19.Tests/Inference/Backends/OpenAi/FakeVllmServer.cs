namespace Sn19.Tests.Inference.Backends.OpenAi;

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Sn19.Inference.Generation;
using Sn19.Inference.Sampling;
using Sn19.Tests.TestSupport;
using Sn19.Inference.Scoring;
using Sn19.Inference.Tokenizers;

/// <summary>
/// Test double for a vLLM server (no GPU server exists here): Kestrel on 127.0.0.1 speaking the slice of
/// vLLM's OpenAI API that <see cref="Sn19.Inference.Backends.OpenAi.OpenAiBackend"/> uses — streamed
/// /v1/completions and /v1/chat/completions with logprobs and return_tokens_as_token_ids, and
/// prompt_logprobs for a token-id prompt — answering from the embedded engine so results can be compared.
/// </summary>
public sealed class FakeVllmServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly LocalInferenceBackend _backend;

    private FakeVllmServer(WebApplication app, LocalInferenceBackend backend)
    {
        _app = app;
        _backend = backend;
    }

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Requests the server received, as JSON bodies.</summary>
    public List<JsonObject> Requests { get; } = [];

    public static async Task<FakeVllmServer> StartAsync(LocalInferenceBackend backend)
    {
        var app = LoopbackWebApp.Create();
        var server = new FakeVllmServer(app, backend);
        app.MapPost("/v1/completions", context => server.Completions(context, chat: false));
        app.MapPost("/v1/chat/completions", context => server.Completions(context, chat: true));
        await app.StartAsync();
        server.BaseUrl = new Uri(app.Urls.First());
        return server;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task Completions(HttpContext context, bool chat)
    {
        var body = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
        lock (Requests)
        {
            Requests.Add(body);
        }

        var sampling = new SamplingParameters(
            (float)body["temperature"]!.GetValue<double>(),
            body["top_k"]?.GetValue<int>() ?? -1,
            (float)(body["top_p"]?.GetValue<double>() ?? 1.0),
            (ulong)(body["seed"]?.GetValue<long>() ?? 0));
        if (body["model"]?.GetValue<string>() != "tiny")
        {
            context.Response.StatusCode = 404;
            await context.Response.WriteAsync("{\"error\":\"model not found\"}");
            return;
        }

        if (body["prompt_logprobs"] is { } promptLogProbs)
        {
            await PromptLogProbs(context, body, sampling, promptLogProbs.GetValue<int>());
            return;
        }

        var request = new GenerationRequest
        {
            Prompt = chat ? null : body["prompt"]!.GetValue<string>(),
            Messages = chat ? body["messages"]!.AsArray().Select(m => new ChatMessage(m!["role"]!.GetValue<string>(), m["content"]!.GetValue<string>())).ToArray() : null,
            MaxTokens = body["max_tokens"]!.GetValue<int>(),
            Sampling = sampling,
            TopLogProbs = chat ? body["top_logprobs"]!.GetValue<int>() : body["logprobs"]!.GetValue<int>(),
            IgnoreEos = body["ignore_eos"]?.GetValue<bool>() ?? false,
            Stop = body["stop"]?.AsArray().Select(s => s!.GetValue<string>()).ToArray() ?? [],
        };
        context.Response.ContentType = "text/event-stream";
        if (chat)
        {
            await Send(context, new JsonObject { ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = new JsonObject { ["role"] = "assistant", ["content"] = string.Empty }, ["logprobs"] = null, ["finish_reason"] = null }) });
        }

        await foreach (var step in _backend.GenerateAsync(request, context.RequestAborted))
        {
            var finish = step.FinishReason switch
            {
                null => null,
                FinishReason.Length => "length",
                _ => "stop",
            };
            JsonNode? stopReason = step.FinishReason == FinishReason.Stop ? request.Stop.FirstOrDefault() : null;
            var token = Id(step.TokenId);
            JsonObject choice;
            if (chat)
            {
                var tops = new JsonArray([.. step.TopLogProbs.Select(a => (JsonNode?)new JsonObject { ["token"] = Id(a.TokenId), ["logprob"] = a.LogProb })]);
                choice = new JsonObject
                {
                    ["index"] = 0,
                    ["delta"] = new JsonObject { ["content"] = step.Text },
                    ["logprobs"] = new JsonObject { ["content"] = new JsonArray(new JsonObject { ["token"] = token, ["logprob"] = step.LogProb, ["top_logprobs"] = tops }) },
                    ["finish_reason"] = finish,
                    ["stop_reason"] = stopReason,
                };
            }
            else
            {
                var tops = new JsonObject();
                foreach (var a in step.TopLogProbs)
                {
                    tops[Id(a.TokenId)] = a.LogProb;
                }

                choice = new JsonObject
                {
                    ["index"] = 0,
                    ["text"] = step.Text,
                    ["logprobs"] = new JsonObject { ["tokens"] = new JsonArray(token), ["token_logprobs"] = new JsonArray(step.LogProb), ["top_logprobs"] = new JsonArray(tops) },
                    ["finish_reason"] = finish,
                    ["stop_reason"] = stopReason,
                };
            }

            await Send(context, new JsonObject { ["choices"] = new JsonArray(choice) });
        }

        if (body["stream_options"]?["include_usage"]?.GetValue<bool>() == true)
        {
            var promptTokens = _backend.EncodePrompt(request).Length;
            await Send(context, new JsonObject { ["choices"] = new JsonArray(), ["usage"] = new JsonObject { ["prompt_tokens"] = promptTokens } });
        }

        await context.Response.WriteAsync("data: [DONE]\n\n");
    }

    private async Task PromptLogProbs(HttpContext context, JsonObject body, SamplingParameters sampling, int top)
    {
        var tokens = body["prompt"]!.AsArray().Select(t => t!.GetValue<int>()).ToArray();
        var result = await _backend.ScoreAsync(new ScoringRequest(tokens, 1, sampling, top), context.RequestAborted);
        var list = new JsonArray((JsonNode?)null);
        foreach (var position in result.Positions)
        {
            var entries = new JsonObject();
            var rank = 1;
            foreach (var t in position.Top)
            {
                entries[t.TokenId.ToString(CultureInfo.InvariantCulture)] = new JsonObject { ["logprob"] = t.LogProb, ["rank"] = rank++, ["decoded_token"] = "?" };
            }

            // vLLM always includes the actual token, with its own rank.
            entries[position.TokenId.ToString(CultureInfo.InvariantCulture)] = new JsonObject { ["logprob"] = float.IsFinite(position.LogProb) ? position.LogProb : -9999f, ["rank"] = position.Rank, ["decoded_token"] = "?" };
            list.Add(entries);
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(new JsonObject { ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["text"] = string.Empty, ["prompt_logprobs"] = list }) }.ToJsonString());
    }

    private static string Id(int id) => "token_id:" + id.ToString(CultureInfo.InvariantCulture);

    private static async Task Send(HttpContext context, JsonObject chunk)
    {
        await context.Response.WriteAsync("data: " + chunk.ToJsonString(new JsonSerializerOptions()) + "\n\n");
        await context.Response.Body.FlushAsync();
    }
}
