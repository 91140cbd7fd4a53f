namespace Sn19.Host.Miner;

using System.Text.Json.Serialization;

/// <summary>A task named in a miner's identity.</summary>
internal sealed record MinerIdentityTask(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("kind")] string Kind);
