namespace Sn19.Actors.Chain.Yuma;

/// <summary>
/// What one epoch computes. Vectors are I32F32 bits indexed by uid; <see cref="Fixed.ToU16"/> gives the stored u16.
/// <see cref="Rank"/> and <see cref="Trust"/> are the pre-2025-10 definitions (R_j = Σ A·Wc and R_j / Σ A·W): the
/// chain at HEAD no longer stores them (it reports 0), the local chain keeps them because they explain incentive.
/// </summary>
internal sealed record YumaEpochResult
{
    public required bool[] Active { get; init; }

    public required long[] StakeWeight { get; init; }

    public required long[] ActiveStake { get; init; }

    /// <summary>Permits for the next epoch.</summary>
    public required bool[] NewValidatorPermit { get; init; }

    public required long[] Consensus { get; init; }

    public required long[] ValidatorTrust { get; init; }

    public required long[] Rank { get; init; }

    public required long[] Trust { get; init; }

    public required long[] Incentive { get; init; }

    public required long[] Dividends { get; init; }

    public required ulong[] ServerEmission { get; init; }

    public required ulong[] ValidatorEmission { get; init; }

    /// <summary>normalize(I + D)·E, the stored <c>Emission</c>.</summary>
    public required ulong[] Emission { get; init; }

    /// <summary>The new bonds before quantisation (legacy: column-normalized; Yuma3: the EMA in [0, 1]).</summary>
    public required SparseEntry[][] Bonds { get; init; }

    /// <summary>The rows to store, or null to leave the stored row untouched (no permit before or after).</summary>
    public required UidValue[]?[] StoredBonds { get; init; }
}
