namespace Sn19.Host.Cli.Ctl;

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Sn19.Actors.Organic;
using Sn19.Host.Admin;

/// <summary>The admin API's HTTP client used by `sn19 ctl`. Failures come back as <see cref="AdminCallResult{T}"/>.</summary>
internal sealed class AdminClient(HttpClient http)
{
    public static AdminClient Create(Uri baseAddress, string token, HttpClient? reuse = null)
    {
        var http = reuse ?? new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new AdminClient(http);
    }

    public Task<AdminCallResult<ActorListResponse>> ListAsync(string? pathPrefix, CancellationToken cancellationToken) =>
        GetAsync<ActorListResponse>(
            pathPrefix is null ? "admin/actors" : "admin/actors?path=" + Uri.EscapeDataString(pathPrefix), cancellationToken);

    public Task<AdminCallResult<ActorInfo>> DescribeAsync(string path, CancellationToken cancellationToken) =>
        GetAsync<ActorInfo>("admin/actor?path=" + Uri.EscapeDataString(path), cancellationToken);

    public Task<AdminCallResult<ContenderListResponse>> ContendersAsync(CancellationToken cancellationToken) =>
        GetAsync<ContenderListResponse>("admin/contenders", cancellationToken);

    public Task<AdminCallResult<WeightsResponse>> WeightsAsync(int limit, CancellationToken cancellationToken) =>
        GetAsync<WeightsResponse>($"admin/weights?limit={limit}", cancellationToken);

    public Task<AdminCallResult<ClusterStateResponse>> ClusterAsync(CancellationToken cancellationToken) =>
        GetAsync<ClusterStateResponse>("admin/cluster", cancellationToken);

    public Task<AdminCallResult<ShardListResponse>> ShardsAsync(bool entities, CancellationToken cancellationToken) =>
        GetAsync<ShardListResponse>(entities ? "admin/shards?entities=true" : "admin/shards", cancellationToken);

    /// <summary>Asks the member at <paramref name="address"/> to leave, or downs it; answers the cluster state after.</summary>
    public Task<AdminCallResult<ClusterStateResponse>> ClusterActAsync(string address, bool down, CancellationToken cancellationToken) =>
        SendAsync<ClusterStateResponse>(HttpMethod.Post, $"admin/cluster/{(down ? "down" : "leave")}?address={Uri.EscapeDataString(address)}", cancellationToken);

    public Task<AdminCallResult<KeyCreatedResponse>> CreateKeyAsync(string name, decimal? credit, int? rpm, int? tpm, CancellationToken cancellationToken)
    {
        var query = "admin/keys?name=" + Uri.EscapeDataString(name)
            + (credit is { } c ? "&credit=" + CtlKeysCommand.Invariant(c) : "")
            + (rpm is { } r ? $"&rpm={r}" : "") + (tpm is { } t ? $"&tpm={t}" : "");
        return SendAsync<KeyCreatedResponse>(HttpMethod.Post, query, cancellationToken);
    }

    public Task<AdminCallResult<KeyListResponse>> KeysAsync(CancellationToken cancellationToken) =>
        GetAsync<KeyListResponse>("admin/keys", cancellationToken);

    public Task<AdminCallResult<KeyStatus>> KeyAsync(string keyId, int charges, CancellationToken cancellationToken) =>
        GetAsync<KeyStatus>($"admin/keys/{Uri.EscapeDataString(keyId)}?charges={charges}", cancellationToken);

    public Task<AdminCallResult<KeyStatus>> TopUpAsync(string keyId, decimal amount, string? operation, CancellationToken cancellationToken) =>
        SendAsync<KeyStatus>(HttpMethod.Post, $"admin/keys/{Uri.EscapeDataString(keyId)}/top-up?amount={CtlKeysCommand.Invariant(amount)}"
            + (operation is null ? "" : "&operation=" + Uri.EscapeDataString(operation)), cancellationToken);

    public Task<AdminCallResult<KeyStatus>> RevokeKeyAsync(string keyId, CancellationToken cancellationToken) =>
        SendAsync<KeyStatus>(HttpMethod.Post, $"admin/keys/{Uri.EscapeDataString(keyId)}/revoke", cancellationToken);

    public Task<AdminCallResult<HistoryExportResponse>> HistoryAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        GetAsync<HistoryExportResponse>(
            $"admin/history?from={Uri.EscapeDataString(from.ToString("O", System.Globalization.CultureInfo.InvariantCulture))}" +
            $"&to={Uri.EscapeDataString(to.ToString("O", System.Globalization.CultureInfo.InvariantCulture))}", cancellationToken);

    private Task<AdminCallResult<T>> GetAsync<T>(string relative, CancellationToken cancellationToken)
        where T : class => SendAsync<T>(HttpMethod.Get, relative, cancellationToken);

    private async Task<AdminCallResult<T>> SendAsync<T>(HttpMethod method, string relative, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            using var request = new HttpRequestMessage(method, new Uri(relative, UriKind.Relative));
            using var response = await http.SendAsync(request, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                var value = await response.Content.ReadFromJsonAsync<T>(AdminJson.Options, cancellationToken);
                return value is null
                    ? AdminCallResult<T>.Fail(AdminCallError.BadResponse, "empty response")
                    : AdminCallResult<T>.Ok(value);
            }

            var message = await ErrorMessageAsync(response, cancellationToken);
            return response.StatusCode switch
            {
                HttpStatusCode.Unauthorized => AdminCallResult<T>.Fail(AdminCallError.Unauthorized, message),
                HttpStatusCode.NotFound => AdminCallResult<T>.Fail(AdminCallError.NotFound, message),
                _ => AdminCallResult<T>.Fail(AdminCallError.BadResponse, $"HTTP {(int)response.StatusCode}: {message}"),
            };
        }
        catch (HttpRequestException error)
        {
            return AdminCallResult<T>.Fail(AdminCallError.Unreachable, error.Message);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return AdminCallResult<T>.Fail(AdminCallError.Unreachable, "timed out");
        }
        catch (System.Text.Json.JsonException error)
        {
            return AdminCallResult<T>.Fail(AdminCallError.BadResponse, error.Message);
        }
    }

    private static async Task<string> ErrorMessageAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var error = await response.Content.ReadFromJsonAsync<AdminError>(AdminJson.Options, cancellationToken);
            return error?.Error ?? response.ReasonPhrase ?? "error";
        }
        catch (System.Text.Json.JsonException)
        {
            return response.ReasonPhrase ?? "error";
        }
    }
}
