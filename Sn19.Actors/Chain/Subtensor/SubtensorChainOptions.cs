namespace Sn19.Actors.Chain.Subtensor;

/// <summary>How long a submitted extrinsic is waited for, and how often new blocks are looked at meanwhile.</summary>
public sealed record SubtensorChainOptions(TimeSpan InclusionTimeout, TimeSpan PollInterval)
{
    /// <summary>Two minutes (ten 12-second blocks), looking every second.</summary>
    public static SubtensorChainOptions Default { get; } = new(TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(1));
}
