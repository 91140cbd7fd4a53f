namespace Sn19.Actors.Chain.Subtensor;

using Microsoft.Extensions.Logging;

/// <summary>
/// How long a submitted extrinsic is waited for and how often new blocks are looked at meanwhile; how long the revealer
/// waits before subscribing to new heads again after the node went away, and the file pending reveals are kept in.
/// </summary>
public sealed record SubtensorChainOptions(TimeSpan InclusionTimeout, TimeSpan PollInterval)
{
    /// <summary>Two minutes (ten 12-second blocks), looking every second; 12 s (a block) before the revealer tries again.</summary>
    public static SubtensorChainOptions Default { get; } = new(TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(1));

    public TimeSpan RevealPoll { get; init; } = TimeSpan.FromSeconds(12);

    /// <summary>Where commits wait for their reveal (JSON); null keeps them in memory only.</summary>
    public string? RevealFile { get; init; }

    public ILogger? Logger { get; init; }

    /// <summary>Reveal in the background as new heads arrive (false: the caller runs <c>CommitRevealer.RevealDueAsync</c>,
    /// as a test does to step block by block).</summary>
    public bool AutoReveal { get; init; } = true;
}
