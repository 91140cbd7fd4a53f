namespace Sn19.Actors.Chain.Subtensor.Extrinsics;

/// <summary>
/// What became of a submitted extrinsic: included in <see cref="Block"/> and dispatched (<see cref="Succeeded"/>), or
/// refused, with the runtime's error name (<c>SubtensorModule.SettingWeightsTooFast</c>) or the node's reason.
/// </summary>
public sealed record ExtrinsicOutcome(bool Succeeded, ulong Block, string? Error)
{
    /// <summary>The node took it but it was not seen in a block in time: it may still land while its era lasts.</summary>
    public bool MayHaveLanded { get; init; }

    public static ExtrinsicOutcome Included(ulong block) => new(true, block, null);

    public static ExtrinsicOutcome Failed(ulong block, string error) => new(false, block, error);
}
