namespace Sn19.Actors.Wire.Queries;

using System.Net.Http.Json;
using System.Text.Json;
using Sn19.Actors.Signing;
using Sn19.Actors.Wire.OpenAi;

/// <summary>
/// Asks a miner, at the start of each period, how much work it offers this validator per task
/// (<c>POST /v1/capacity</c> signed, or fiber's encrypted <c>/capacity</c>, whose answer is a plain task → capacity map).
/// A miner that does not answer well offers nothing this period.
/// </summary>
public sealed class CapacityClient
{
    private readonly HttpClient _http;
    private readonly IMinerWire _wire;
    private readonly TimeProvider _time;
    private readonly TimeSpan _timeout;

    public CapacityClient(HttpClient http, IMinerWire wire, TimeProvider time, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(wire);
        _http = http;
        _wire = wire;
        _time = time;
        _timeout = timeout;
    }

    /// <summary>Sn19's envelope wire for <paramref name="signer"/>.</summary>
    public CapacityClient(HttpClient http, IHotkeySigner signer, TimeProvider time, TimeSpan timeout)
        : this(http, new EnvelopeWire(signer, time), time, timeout)
    {
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
            var prepared = await _wire.PrepareAsync(axon, minerHotkey, MinerOperation.Capacity, "{}"u8.ToArray(), linked.Token);
            if (prepared.Request is null)
            {
                return (null, prepared.Problem);
            }

            using var request = prepared.Request;
            using var response = await _http.SendAsync(request, linked.Token);
            if (!response.IsSuccessStatusCode)
            {
                _wire.Refused(minerHotkey, (int)response.StatusCode);
                return (null, $"HTTP {(int)response.StatusCode}");
            }

            if (prepared.NineteenDialect)
            {
                // Nineteen's miners answer a plain map of task → capacity (with other keys, such as miner_type, that are not numbers).
                var map = await response.Content.ReadFromJsonAsync<Dictionary<string, JsonElement>>(linked.Token);
                return map is null
                    ? (null, "malformed capacity answer")
                    : (map.Where(p => p.Value.ValueKind == JsonValueKind.Number && p.Value.TryGetDouble(out var c) && double.IsFinite(c))
                        .ToDictionary(p => p.Key, p => p.Value.GetDouble(), StringComparer.Ordinal), null);
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
        catch (Exception error) when (error is HttpRequestException or JsonException or NotSupportedException or InvalidOperationException or FormatException)
        {
            return (null, error.Message);
        }
    }
}
