namespace Sn19.Actors.Subnet.LlmChecks;

/// <summary>The tokens parsed from a miner's stream, or why the stream is unusable.</summary>
public sealed record MinerStream(IReadOnlyList<MinerToken> Tokens, string? Error)
{
    public bool IsValid => Error is null;

    public static MinerStream Invalid(string error) => new([], error);
}
