namespace Sn19.Actors.Chain.Http;

using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

/// <summary>
/// <see cref="IChain"/> over a chain server's HTTP/JSON API (`sn19 chain serve`). Refusals come back as the
/// server's <see cref="ChainError"/>; a server that cannot be reached or answers something that is not the
/// API gives <see cref="ChainErrorCode.Unavailable"/>. The caller owns the <see cref="HttpClient"/>.
/// </summary>
public sealed class HttpChainClient : IChain
{
    private readonly HttpClient _http;

    /// <param name="http">a client whose <see cref="HttpClient.BaseAddress"/> is the chain server, e.g. http://127.0.0.1:19944/.</param>
    public HttpChainClient(HttpClient http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.BaseAddress is null)
        {
            throw new ArgumentException("the HttpClient needs a BaseAddress (the chain server URL)", nameof(http));
        }

        _http = http;
    }

    public Task<ChainResult<ulong>> GetBlockAsync(CancellationToken cancellationToken) =>
        SendAsync<ulong>(HttpMethod.Get, ChainRoutes.Block, null, cancellationToken);

    public Task<ChainResult<Metagraph>> GetMetagraphAsync(CancellationToken cancellationToken) =>
        SendAsync<Metagraph>(HttpMethod.Get, ChainRoutes.Metagraph, null, cancellationToken);

    public Task<ChainResult<SubnetHyperparameters>> GetHyperparametersAsync(CancellationToken cancellationToken) =>
        SendAsync<SubnetHyperparameters>(HttpMethod.Get, ChainRoutes.Hyperparameters, null, cancellationToken);

    public Task<ChainResult<ushort>> RegisterAsync(string hotkey, string coldkey, CancellationToken cancellationToken) =>
        SendAsync<ushort>(HttpMethod.Post, ChainRoutes.Register, new RegisterRequest(hotkey, coldkey), cancellationToken);

    public Task<ChainResult<bool>> ServeAxonAsync(string hotkey, string ip, int port, CancellationToken cancellationToken) =>
        SendAsync<bool>(HttpMethod.Post, ChainRoutes.ServeAxon, new ServeAxonRequest(hotkey, ip, port), cancellationToken);

    public Task<ChainResult<ulong>> AddStakeAsync(string coldkey, string hotkey, ulong amountRao, CancellationToken cancellationToken) =>
        SendAsync<ulong>(HttpMethod.Post, ChainRoutes.AddStake, new StakeRequest(coldkey, hotkey, amountRao), cancellationToken);

    public Task<ChainResult<ulong>> RemoveStakeAsync(string coldkey, string hotkey, ulong amountRao, CancellationToken cancellationToken) =>
        SendAsync<ulong>(HttpMethod.Post, ChainRoutes.RemoveStake, new StakeRequest(coldkey, hotkey, amountRao), cancellationToken);

    public Task<ChainResult<bool>> SetWeightsAsync(SignedWeights weights, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var w = weights.Weights;
        var body = new SetWeightsRequest(
            weights.Hotkey, w.Netuid, w.Uids, w.Values, w.VersionKey, w.LastUpdate, Convert.ToHexStringLower(weights.Signature.Span));
        return SendAsync<bool>(HttpMethod.Post, ChainRoutes.Weights, body, cancellationToken);
    }

    public Task<ChainResult<IReadOnlyList<WeightsRow>>> GetWeightsAsync(CancellationToken cancellationToken) =>
        SendAsync<IReadOnlyList<WeightsRow>>(HttpMethod.Get, ChainRoutes.Weights, null, cancellationToken);

    public Task<ChainResult<IReadOnlyList<EpochSummary>>> GetEpochsAsync(int limit, CancellationToken cancellationToken) =>
        SendAsync<IReadOnlyList<EpochSummary>>(
            HttpMethod.Get, ChainRoutes.Epochs + "?limit=" + limit.ToString(CultureInfo.InvariantCulture), null, cancellationToken);

    private async Task<ChainResult<T>> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        // Routes are absolute ("/chain/..."); trim so a base address with a path prefix still works.
        using var request = new HttpRequestMessage(method, path.TrimStart('/'));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: ChainJson.Options);
        }

        try
        {
            using var response = await _http.SendAsync(request, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            ChainResponse<T>? parsed = null;
            try
            {
                parsed = JsonSerializer.Deserialize<ChainResponse<T>>(text, ChainJson.Options);
            }
            catch (JsonException)
            {
                // Not the chain API's body; reported below with the status code.
            }

            if (parsed is null || (parsed.Error is null && !response.IsSuccessStatusCode))
            {
                var snippet = text.Length > 200 ? text[..200] : text;
                return ChainResult<T>.Fail(ChainErrorCode.Unavailable,
                    $"{method} {path} answered HTTP {(int)response.StatusCode} without a chain API body: {snippet}");
            }

            return parsed.ToResult();
        }
        catch (HttpRequestException e)
        {
            return ChainResult<T>.Fail(ChainErrorCode.Unavailable, $"chain server {_http.BaseAddress} unreachable: {e.Message}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ChainResult<T>.Fail(ChainErrorCode.Unavailable, $"chain server {_http.BaseAddress} did not answer within {_http.Timeout.TotalSeconds:0.#} s");
        }
    }
}
