namespace Sn19.Actors.Wire.Queries;

using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Sn19.Actors.Signing;
using Sn19.Actors.Wire.OpenAi;

/// <summary>
/// Sends one signed, streaming text request to a miner and records what happened: the chunks, the tokens
/// streamed, time to first token and stream time, or why it failed. It never throws for a miner's fault;
/// only the caller's own cancellation escapes as an exception.
/// </summary>
public sealed class MinerQueryClient
{
    private readonly HttpClient _http;
    private readonly IMinerWire _wire;
    private readonly QueryTimeouts _timeouts;
    private readonly TimeProvider _time;

    public MinerQueryClient(HttpClient http, IMinerWire wire, QueryTimeouts timeouts, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(wire);
        ArgumentNullException.ThrowIfNull(timeouts);
        ArgumentNullException.ThrowIfNull(time);
        timeouts.Validate();
        _http = http;
        _wire = wire;
        _timeouts = timeouts;
        _time = time;
    }

    /// <summary>Sn19's envelope wire for <paramref name="signer"/>.</summary>
    public MinerQueryClient(HttpClient http, IHotkeySigner signer, QueryTimeouts timeouts, TimeProvider time)
        : this(http, new EnvelopeWire(signer, time), timeouts, time)
    {
    }

    /// <summary>An <see cref="HttpClient"/> whose connect timeout is the configured one; the rest are per query.</summary>
    public static HttpClient CreateHttpClient(QueryTimeouts timeouts)
    {
        ArgumentNullException.ThrowIfNull(timeouts);
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = timeouts.Connect,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
            AutomaticDecompression = DecompressionMethods.None,
        };
        return new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public async Task<QueryResult> QueryAsync(
        Uri axon, string minerHotkey, TextRequest request, CancellationToken cancellationToken, IQueryRelay? relay = null)
    {
        ArgumentNullException.ThrowIfNull(axon);
        ArgumentNullException.ThrowIfNull(request);

        // Signing (and fiber's handshake, two calls of its own) happen before the clock starts: the miner is timed on
        // its answer, not on our preparation.
        var operation = request.Kind == TextRequestKind.Chat ? MinerOperation.Chat : MinerOperation.Completion;
        var preparing = _time.GetTimestamp();
        PreparedRequest prepared;
        using (var bound = new CancellationTokenSource(_timeouts.Total, _time))
        using (var preparation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, bound.Token))
        {
            try
            {
                prepared = await _wire.PrepareAsync(axon, minerHotkey, operation, JsonSerializer.SerializeToUtf8Bytes(request), preparation.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return QueryResult.Failed("timed out (preparing the request)", null, Elapsed(preparing)) with { TimedOut = true };
            }
        }

        if (prepared.Request is null)
        {
            // Our own signer refused, or fiber's handshake failed: the query is not sent at all.
            return QueryResult.Failed(prepared.Problem!, null, Elapsed(preparing));
        }

        using var message = prepared.Request;
        var started = _time.GetTimestamp();
        using var total = new CancellationTokenSource(_timeouts.Total, _time);
        using var stall = new CancellationTokenSource(_timeouts.FirstToken, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, total.Token, stall.Token);
        var stage = "first token";
        try
        {
            using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            var status = (int)response.StatusCode;
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                return new QueryResult(QueryStatus.RateLimited, "rate limited (429)", status, [], 0, Elapsed(started), null, null);
            }

            if (!response.IsSuccessStatusCode)
            {
                _wire.Refused(minerHotkey, status);
                return QueryResult.Failed($"HTTP {status}", status, Elapsed(started));
            }

            await using var content = await response.Content.ReadAsStreamAsync(linked.Token);
            return await ReadStreamAsync(content, request, status, started, stall, relay, linked.Token, s => stage = s);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var which = total.IsCancellationRequested ? "total" : stage;
            return QueryResult.Failed($"timed out ({which})", null, Elapsed(started)) with { TimedOut = true };
        }
        catch (HttpRequestException error)
        {
            return QueryResult.Failed($"transport: {error.HttpRequestError}", null, Elapsed(started));
        }
        catch (IOException error)
        {
            return QueryResult.Failed($"stream broken: {error.Message}", null, Elapsed(started));
        }
    }

    private async Task<QueryResult> ReadStreamAsync(
        Stream content, TextRequest request, int status, long started, CancellationTokenSource stall, IQueryRelay? relay,
        CancellationToken cancellationToken, Action<string> setStage)
    {
        var chunks = new List<JsonElement>();
        var tokens = 0;
        long? firstToken = null;
        using var reader = new SseReader(content);
        while (true)
        {
            string? data;
            try
            {
                data = await reader.ReadEventAsync(cancellationToken);
            }
            catch (InvalidDataException error)
            {
                return QueryResult.Failed(error.Message, status, Elapsed(started));
            }

            if (data is null || data == "[DONE]")
            {
                break;
            }

            JsonElement chunk;
            try
            {
                using var document = JsonDocument.Parse(data);
                chunk = document.RootElement.Clone();
            }
            catch (JsonException)
            {
                return QueryResult.Failed("malformed chunk", status, Elapsed(started));
            }

            chunks.Add(chunk);
            var carriesToken = CarriesToken(chunk);
            if (carriesToken && tokens >= request.MaxTokens)
            {
                return QueryResult.Failed($"more than max_tokens ({request.MaxTokens}) tokens", status, Elapsed(started));
            }

            if (relay is not null)
            {
                await relay.OnChunkAsync(chunk, carriesToken, cancellationToken);
            }

            if (carriesToken)
            {
                tokens++;
                firstToken ??= _time.GetTimestamp();
                setStage("between tokens");
                stall.CancelAfter(_timeouts.BetweenTokens);
            }
        }

        if (tokens == 0)
        {
            return QueryResult.Failed("empty stream", status, Elapsed(started));
        }

        var end = _time.GetTimestamp();
        return new QueryResult(
            QueryStatus.Ok, null, status, chunks, tokens,
            _time.GetElapsedTime(started, end), _time.GetElapsedTime(started, firstToken!.Value), _time.GetElapsedTime(firstToken.Value, end));
    }

    /// <summary>One chunk is one token when it has a choice with text and log-probabilities.</summary>
    private static bool CarriesToken(JsonElement chunk) =>
        chunk.ValueKind == JsonValueKind.Object
        && chunk.TryGetProperty("choices", out var choices) && choices.ValueKind == JsonValueKind.Array
        && choices.GetArrayLength() > 0
        && choices[0].TryGetProperty("logprobs", out var logprobs) && logprobs.ValueKind == JsonValueKind.Object;

    private TimeSpan Elapsed(long started) => _time.GetElapsedTime(started);
}
