namespace Sn19.Actors.Wire.OpenAi;

using System.Text.Json.Serialization;

/// <summary>
/// A miner's answer to <c>POST /v1/capacity</c>: per task, the work it offers the asking validator this
/// period, already scaled to that validator's share of validator stake.
/// </summary>
public sealed record CapacityResponse(
    [property: JsonPropertyName("hotkey")] string Hotkey,
    [property: JsonPropertyName("validator")] string Validator,
    [property: JsonPropertyName("capacities")] IReadOnlyDictionary<string, double> Capacities);
