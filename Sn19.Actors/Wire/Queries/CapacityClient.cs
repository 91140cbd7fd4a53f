namespace Sn19.Actors.Wire.Queries;

using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Sn19.Actors.Signing;
using Sn19.Actors.Wire.OpenAi;

/// <summary>
/// Asks a miner, at the start of each period, how much work it offers this validator per task
/// (<c>POST /v1/capacity</c>, signed). A miner that does not answer well offers nothing this period.
/// </summary>
public sealed class CapacityClient
{
    private readonly HttpClient _http;
    private readonly IHotkeySigner _signer;
    private readonly TimeProvider _time;
    private readonly TimeSpan _timeout;

    public CapacityClient(HttpClient http, IHotkeySigner signer, TimeProvider time, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(signer);
        _http = http;
        _signer = signer;
        _time = time;
        _timeout = timeout;
    }

    /// <summary>The miner's capacities, or the reason there are none.</summary>
    public async Task<(IReadOnlyDictionary<string, double>? Capacities, string? Error)> FetchAsync(
        Uri axon, string minerHotkey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(axon);
        using var timeout = new CancellationTokenSource(_timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(axon, "v1/capacity"))
            {
                Content = new ByteArrayContent("{}"u8.ToArray()),
            };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            var signed = await RequestEnvelopeSigning.SignAsync(request, minerHotkey, _signer, _time, linked.Token);
            if (!signed.IsSigned)
            {
                return (null, $"not signed: {signed.Message}");
            }

            using var response = await _http.SendAsync(request, linked.Token);
            if (!response.IsSuccessStatusCode)
            {
                return (null, $"HTTP {(int)response.StatusCode}");
            }

            var body = await response.Content.ReadFromJsonAsync<CapacityResponse>(linked.Token);
            if (body?.Capacities is null || body.Hotkey != minerHotkey)
            {
                return (null, "malformed capacity answer");
            }

            return (body.Capacities, null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, "timed out");
        }
        catch (Exception error) when (error is HttpRequestException or JsonException or NotSupportedException)
        {
            return (null, error.Message);
        }
    }
}
