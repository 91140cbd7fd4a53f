namespace Sn19.Actors.Chain.Yuma;

/// <summary>Everything one epoch reads; uids are the indexes of <see cref="Neurons"/>.</summary>
/// <param name="Block">the block the epoch runs in.</param>
/// <param name="LastMechanismStepBlock">block of the previous epoch (0: none, then b − tempo is used).</param>
/// <param name="EmissionRao">rao distributed by this epoch.</param>
/// <param name="OwnerUid">the subnet owner's uid, if registered (self-weight allowed, permit forced).</param>
internal sealed record YumaEpochInput(
    ulong Block,
    ulong LastMechanismStepBlock,
    ulong EmissionRao,
    int? OwnerUid,
    YumaParameters Parameters,
    IReadOnlyList<YumaNeuron> Neurons);
