namespace Sn19.Host.Organic;

using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Sn19.Actors.Wire.OpenAi;
using Sn19.Actors.Wire.Queries;

/// <summary>
/// Relays a miner's answer to the API user as it arrives. Streamed: the response starts (200, event stream)
/// with the first token, so until then a failed miner can still be replaced or an error status sent; each
/// token is one event, flushed at once. Not streamed: tokens are collected for one JSON answer at the end.
/// Either way it counts the tokens the user got, which is what the user is charged for.
/// </summary>
internal sealed class UserStream(HttpResponse response, UserRequest request, string id, long created) : IQueryRelay
{
    private static readonly byte[] DataPrefix = "data: "u8.ToArray();
    private static readonly byte[] EventEnd = "\n\n"u8.ToArray();
    private static readonly byte[] Done = "data: [DONE]\n\n"u8.ToArray();

    private readonly UserResponseWriter _writer = new(request, id, created);
    private readonly List<UserToken> _tokens = [];

    public bool HasRelayed => request.Stream && CompletionTokens > 0;

    /// <summary>Tokens passed on (streamed) or collected (not streamed).</summary>
    public int CompletionTokens { get; private set; }

    /// <summary>The prompt tokens the miner reported in its closing chunk, if it did.</summary>
    public int? ReportedPromptTokens { get; private set; }

    public string FinishReason { get; private set; } = "stop";

    /// <summary>When the served attempt's first token reached the gateway (<see cref="System.Diagnostics.Stopwatch.GetTimestamp"/>).</summary>
    public long? FirstTokenTimestamp { get; private set; }

    public void StartAttempt()
    {
        _tokens.Clear();
        CompletionTokens = 0;
        FirstTokenTimestamp = null;
        ReportedPromptTokens = null;
        FinishReason = "stop";
    }

    public async ValueTask OnChunkAsync(JsonElement chunk, bool carriesToken, CancellationToken cancellationToken)
    {
        if (!carriesToken)
        {
            ReportedPromptTokens = MinerChunk.PromptTokens(chunk) ?? ReportedPromptTokens;
            return;
        }

        var (token, finish) = MinerChunk.Token(chunk, request.Kind);
        CompletionTokens++;
        FirstTokenTimestamp ??= System.Diagnostics.Stopwatch.GetTimestamp();
        FinishReason = finish ?? FinishReason;
        if (!request.Stream)
        {
            _tokens.Add(token);
            return;
        }

        if (CompletionTokens == 1)
        {
            StartEventStream();
        }

        WriteEvent(w => _writer.WriteChunk(w, token, finish));
        await response.BodyWriter.FlushAsync(cancellationToken);
    }

    /// <summary>Ends a served request: the usage event (when asked) and [DONE], or the whole JSON answer.</summary>
    public async Task CompleteAsync(TokenUsage usage, CancellationToken cancellationToken)
    {
        if (request.Stream)
        {
            if (request.IncludeUsage)
            {
                WriteEvent(w => _writer.WriteUsageChunk(w, usage));
            }

            response.BodyWriter.Write(Done);
        }
        else
        {
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = "application/json";
            response.Headers["X-Request-Id"] = id;
            _writer.WriteComplete(response.BodyWriter, _tokens, FinishReason, usage);
        }

        await response.BodyWriter.FlushAsync(cancellationToken);
    }

    /// <summary>Ends a stream that broke after tokens were sent: an error event (OpenAI clients raise it), no [DONE].</summary>
    public async Task FailAsync(OpenAiError error, CancellationToken cancellationToken)
    {
        WriteEvent(w =>
        {
            using var json = new Utf8JsonWriter(w);
            error.WriteBody(json);
        });
        await response.BodyWriter.FlushAsync(cancellationToken);
    }

    private void StartEventStream()
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Request-Id"] = id;
    }

    private void WriteEvent(Action<System.Buffers.IBufferWriter<byte>> write)
    {
        response.BodyWriter.Write(DataPrefix);
        write(response.BodyWriter);
        response.BodyWriter.Write(EventEnd);
    }
}
