namespace Sn19.Actors.Chain;

using Microsoft.Extensions.Configuration;

/// <summary>
/// The subnet's hyperparameters (chain-and-yuma.md §1.5). Defaults are what subtensor gives a new subnet,
/// except commit-reveal, which the local chain does not model (weights are always set in the clear); a Subtensor
/// chain reports its own (<c>SubtensorHyperparameters</c>).
/// </summary>
public sealed record SubnetHyperparameters
{
    /// <summary>Blocks between epochs.</summary>
    public ulong Tempo { get; init; } = 360;

    /// <summary>κ as u16; 32767 ≈ 0.49999.</summary>
    public ushort Kappa { get; init; } = 32_767;

    /// <summary>Bonds EMA in millionths (a = 1 − value/1e6).</summary>
    [ConfigurationKeyName("bonds-moving-average")]
    public ulong BondsMovingAverage { get; init; } = 900_000;

    [ConfigurationKeyName("bonds-penalty")]
    public ushort BondsPenalty { get; init; } = 65_535;

    /// <summary>Blocks between two set-weights of one hotkey.</summary>
    [ConfigurationKeyName("weights-rate-limit")]
    public ulong WeightsRateLimit { get; init; } = 100;

    /// <summary>Largest normalized weight as u16; 65535 disables the check.</summary>
    [ConfigurationKeyName("max-weights-limit")]
    public ushort MaxWeightsLimit { get; init; } = 65_535;

    [ConfigurationKeyName("min-allowed-weights")]
    public ushort MinAllowedWeights { get; init; } = 1;

    /// <summary>Activity cutoff in per-mille of tempo.</summary>
    [ConfigurationKeyName("activity-cutoff-factor-milli")]
    public ulong ActivityCutoffFactorMilli { get; init; } = 13_889;

    /// <summary>Blocks after registration during which a uid cannot be replaced.</summary>
    [ConfigurationKeyName("immunity-period")]
    public ulong ImmunityPeriod { get; init; } = 5_000;

    [ConfigurationKeyName("max-allowed-validators")]
    public ushort MaxAllowedValidators { get; init; } = 64;

    [ConfigurationKeyName("max-allowed-uids")]
    public ushort MaxAllowedUids { get; init; } = 256;

    public bool Yuma3 { get; init; } = true;

    [ConfigurationKeyName("liquid-alpha")]
    public bool LiquidAlpha { get; init; }

    [ConfigurationKeyName("alpha-low")]
    public ushort AlphaLow { get; init; } = 45_875;

    [ConfigurationKeyName("alpha-high")]
    public ushort AlphaHigh { get; init; } = 58_982;

    [ConfigurationKeyName("alpha-sigmoid-steepness")]
    public int AlphaSigmoidSteepness { get; init; } = 1_000;

    /// <summary>0 accepts any version key.</summary>
    [ConfigurationKeyName("weights-version-key")]
    public ulong WeightsVersionKey { get; init; }

    /// <summary>rao below which a hotkey may not set weights and has no stake weight.</summary>
    [ConfigurationKeyName("stake-threshold")]
    public ulong StakeThreshold { get; init; }

    /// <summary>rao minted per block and paid out at each epoch.</summary>
    [ConfigurationKeyName("emission-per-block-rao")]
    public ulong EmissionPerBlockRao { get; init; } = 1_000_000_000;

    /// <summary>Whether weights must be committed (hashed) and revealed later. A Subtensor subnet may require it; the local
    /// chain takes weights in the clear and refuses a configuration that asks for it.</summary>
    [ConfigurationKeyName("commit-reveal")]
    public bool CommitRevealEnabled { get; init; }

    /// <summary>Epochs between a commit and its reveal (Subtensor's <c>RevealPeriodEpochs</c>).</summary>
    [ConfigurationKeyName("reveal-period-epochs")]
    public ulong RevealPeriodEpochs { get; init; } = 1;

    /// <summary>The activity cutoff in blocks, as the epoch computes it.</summary>
    public ulong ActivityCutoffBlocks => Math.Max(1, ActivityCutoffFactorMilli * Tempo / 1000);

    /// <summary>Names the first invalid value, or null.</summary>
    public string? Validate()
    {
        if (Tempo == 0)
        {
            return "tempo must be at least 1 block";
        }

        if (MaxAllowedUids == 0)
        {
            return "max-allowed-uids must be at least 1";
        }

        if (MaxAllowedValidators == 0)
        {
            return "max-allowed-validators must be at least 1";
        }

        if (BondsMovingAverage > 1_000_000)
        {
            return "bonds-moving-average is in millionths and must be at most 1000000";
        }

        if (CommitRevealEnabled)
        {
            return "commit-reveal is not modelled by the local chain, which takes weights in the clear";
        }

        if (LiquidAlpha && (AlphaLow < 1_638 || AlphaLow > AlphaHigh))
        {
            return "liquid alpha needs 1638 <= alpha-low <= alpha-high";
        }

        return null;
    }
}
