namespace Sn19.Benchmarks.Actors.Subnet.Hostile;

using Sn19.Actors.Subnet.LlmChecks;

/// <summary>One row of the hostile-miner table: a miner kind and setting, honest or not, and its checks.</summary>
internal sealed record HostileRow(string Miner, string Setting, bool Honest)
{
    public List<LlmCheckResult> Checks { get; } = [];

    /// <summary>The per-token log-probability gap of its greedy answers.</summary>
    public LogprobGaps Gaps { get; } = new();

    /// <summary>A check the miner failed: quality below 0.5, the midpoint of the distance scale.</summary>
    public int Failed => Checks.Count(c => c.Quality < 0.5);
}
