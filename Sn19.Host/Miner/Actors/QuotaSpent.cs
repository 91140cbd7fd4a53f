namespace Sn19.Host.Miner.Actors;

/// <summary>The validator's share of the task is used up for this period (429).</summary>
internal sealed record QuotaSpent
{
    public static QuotaSpent Instance { get; } = new();
}
