namespace Sn19.Host.Miner;

using System.Text.Json.Serialization;

/// <summary>The body of <c>GET /v1/identity</c>.</summary>
internal sealed record MinerIdentity(
    [property: JsonPropertyName("hotkey")] string Hotkey,
    [property: JsonPropertyName("tasks")] IReadOnlyList<MinerIdentityTask> Tasks);
