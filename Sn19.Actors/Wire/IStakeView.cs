namespace Sn19.Actors.Wire;

/// <summary>The metagraph as a miner needs it: each validator's stake and the total stake of validators with a permit.</summary>
public interface IStakeView : IValidatorDirectory
{
    /// <summary>Σ stake (TAO) of the neurons holding a validator permit.</summary>
    double TotalValidatorStake { get; }
}
