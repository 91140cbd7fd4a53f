namespace Sn19.Actors.Chain.Yuma;

/// <summary>
/// The hyperparameters one epoch reads. Defaults are what subtensor's <c>init_new_network</c> gives a new
/// subnet (chain-and-yuma.md §1.5).
/// </summary>
internal sealed record YumaParameters
{
    /// <summary>κ as u16 (32767 ≈ 0.49999, not 0.5).</summary>
    public ushort Kappa { get; init; } = 32_767;

    /// <summary>Bonds EMA in millionths; a = 1 − value/1e6 (900_000 → a ≈ 0.1).</summary>
    public ulong BondsMovingAverage { get; init; } = 900_000;

    /// <summary>β as u16: 65535 bonds the clipped weights, 0 the raw ones.</summary>
    public ushort BondsPenalty { get; init; } = 65_535;

    public bool Yuma3 { get; init; } = true;

    public bool LiquidAlpha { get; init; }

    public ushort AlphaLow { get; init; } = 45_875;

    public ushort AlphaHigh { get; init; } = 58_982;

    public int AlphaSigmoidSteepness { get; init; } = 1_000;

    public int MaxAllowedValidators { get; init; } = 64;

    /// <summary>Activity cutoff in per-mille of tempo; 13_889 × 360 / 1000 = 5000 blocks.</summary>
    public ulong ActivityCutoffFactorMilli { get; init; } = 13_889;

    public ulong Tempo { get; init; } = 360;

    /// <summary>Stake (rao) below which a non-owner's stake weight is 0.</summary>
    public ulong StakeThreshold { get; init; }

    public ulong ActivityCutoffBlocks => Math.Max(1, ActivityCutoffFactorMilli * Tempo / 1000);
}
