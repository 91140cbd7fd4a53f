namespace Sn19.Inference.Backends.OpenAi;

using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sn19.Inference.Generation;
using Sn19.Inference.Sampling;
using Sn19.Inference.Scoring;

/// <summary>
/// <see cref="IInferenceBackend"/> over an OpenAI-compatible server: streamed /v1/chat/completions and
/// /v1/completions with logprobs for generation, and vLLM's prompt_logprobs on /v1/completions (the token
/// ids as the prompt, one generated token) for scoring. The server's log-probabilities already follow
/// vLLM's semantics, which the embedded engine copies, so both backends report comparable numbers.
/// </summary>
public sealed class OpenAiBackend : IInferenceBackend
{
    private readonly HttpClient _http;
    private readonly OpenAiBackendOptions _options;

    /// <param name="http">A client the caller owns (from IHttpClientFactory or one per process).</param>
    public OpenAiBackend(HttpClient http, OpenAiBackendOptions options)
    {
        options.Validate();
        _http = http;
        _options = options;
    }

    public string ModelName => _options.Model;

    public int? ContextLength => null;

    public async IAsyncEnumerable<TokenStep> GenerateAsync(
        GenerationRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        request.Validate();
        var chat = request.Messages is not null;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.Timeout);
        using var message = Post(chat ? "v1/chat/completions" : "v1/completions", OpenAiRequests.Generation(request, _options.Model));
        using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
        await EnsureSuccess(response, timeout.Token).ConfigureAwait(false);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token).ConfigureAwait(false), Encoding.UTF8);
        var finished = false;
        while (!finished)
        {
            string? line;
            try
            {
                line = await reader.ReadLineAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                line = null;
            }

            if (cancellationToken.IsCancellationRequested)
            {
                yield return new TokenStep(-1, string.Empty, 0f, [], FinishReason.Cancelled);
                yield break;
            }

            if (line is null)
            {
                throw new InvalidDataException("The server ended the stream without a finish reason.");
            }

            if (!line.StartsWith("data:", StringComparison.Ordinal))
            {
                continue;
            }

            var data = line[5..].Trim();
            if (data == "[DONE]")
            {
                throw new InvalidDataException("The server ended the stream without a finish reason.");
            }

            var step = OpenAiChunks.Parse(data, chat);
            if (step is null)
            {
                continue;
            }

            finished = step.FinishReason is not null;
            if (finished)
            {
                step = step with { PromptTokens = await ReadUsageAsync(reader, timeout.Token).ConfigureAwait(false) };
            }

            yield return step;
        }
    }

    /// <summary>
    /// After the finish chunk: the usage chunk that <c>stream_options.include_usage</c> asks for, up to
    /// <c>[DONE]</c> or the end of the stream; null when the server sends none (or stops answering).
    /// </summary>
    private static async Task<int?> ReadUsageAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        try
        {
            while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
            {
                if (!line.StartsWith("data:", StringComparison.Ordinal))
                {
                    continue;
                }

                var data = line[5..].Trim();
                if (data == "[DONE]")
                {
                    return null;
                }

                if (OpenAiChunks.PromptTokens(data) is { } tokens)
                {
                    return tokens;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The answer is complete; a server that never closes the stream only loses the usage figure.
        }

        return null;
    }

    public async Task<ScoringResult> ScoreAsync(ScoringRequest request, CancellationToken cancellationToken)
    {
        request.Validate();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.Timeout);
        using var message = Post("v1/completions", OpenAiRequests.Scoring(request, _options.Model));
        using var response = await _http.SendAsync(message, timeout.Token).ConfigureAwait(false);
        await EnsureSuccess(response, timeout.Token).ConfigureAwait(false);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false));
        var promptLogProbs = document.RootElement.GetProperty("choices")[0].GetProperty("prompt_logprobs");
        var positions = new List<PositionScore>();
        for (var position = request.FirstScoredPosition; position < request.TokenIds.Count; position++)
        {
            var entries = promptLogProbs[position];
            var actual = request.TokenIds[position];
            var top = new List<(int Id, float LogProb, int Rank)>();
            foreach (var entry in entries.EnumerateObject())
            {
                top.Add((int.Parse(entry.Name, System.Globalization.CultureInfo.InvariantCulture), LogProbOf(entry.Value), entry.Value.GetProperty("rank").GetInt32()));
            }

            var own = top.Find(t => t.Id == actual);
            if (own == default)
            {
                throw new InvalidDataException($"The server's prompt_logprobs at position {position} lack the actual token {actual}.");
            }

            var eos = top.Find(t => t.Id == _options.EosTokenId);
            var best = top.Where(t => t.Rank <= request.TopLogProbs).OrderBy(t => t.Rank).ThenBy(t => t.Id)
                .Select(t => new TokenLogProb(t.Id, t.LogProb)).ToArray();
            positions.Add(new PositionScore(position, actual, own.LogProb, own.Rank, eos == default ? float.NaN : eos.LogProb, best));
        }

        return new ScoringResult(positions);
    }

    /// <summary>vLLM writes -Infinity as a bare token, which JSON does not have; it may arrive as a string or a huge negative.</summary>
    private static float LogProbOf(JsonElement entry)
    {
        var value = entry.GetProperty("logprob");
        return value.ValueKind == JsonValueKind.Number ? (float)value.GetDouble() : float.NegativeInfinity;
    }

    private HttpRequestMessage Post(string path, JsonObject body)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, new Uri(_options.BaseUrl, path))
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (_options.ApiKey.Length > 0)
        {
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.ApiKey);
        }

        return message;
    }

    private static async Task EnsureSuccess(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw new HttpRequestException(
                $"The inference server answered {(int)response.StatusCode}: {body[..Math.Min(body.Length, 500)]}", null, response.StatusCode);
        }
    }
}
