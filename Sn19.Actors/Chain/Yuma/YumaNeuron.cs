namespace Sn19.Actors.Chain.Yuma;

/// <summary>One uid as an epoch sees it.</summary>
/// <param name="Stake">stake weight in rao (alpha + tao·tao_weight on the real chain).</param>
/// <param name="LastUpdate">block of the last set-weights.</param>
/// <param name="RegisteredAt">block of registration.</param>
/// <param name="ValidatorPermit">the permit from the previous epoch.</param>
/// <param name="Weights">stored weights row (max-upscaled u16).</param>
/// <param name="Bonds">stored bonds row (u16).</param>
internal sealed record YumaNeuron(
    ulong Stake,
    ulong LastUpdate,
    ulong RegisteredAt,
    bool ValidatorPermit,
    IReadOnlyList<UidValue> Weights,
    IReadOnlyList<UidValue> Bonds);
