namespace Sn19.Actors.Wire;

/// <summary>The metagraph as a miner needs it: each validator's stake and the total stake of validators with a permit.</summary>
public interface IStakeView : IValidatorDirectory
{
    /// <summary>Σ stake (TAO) of the neurons holding a validator permit.</summary>
    double TotalValidatorStake { get; }

    /// <summary>
    /// The validator's fraction of validator stake, in [0, 1]: its stake over Σ stake of permitted
    /// validators, counting its own stake too while it has no permit yet (a new subnet has none until its
    /// first epoch). 0 for an unknown hotkey.
    /// </summary>
    double ValidatorShare(string hotkeySs58);
}
