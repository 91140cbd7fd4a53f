namespace Sn19.Host.Miner;

using Sn19.Actors.Wire;

/// <summary>The metagraph as a miner needs it: each validator's stake and the total stake of validators with a permit.</summary>
internal interface IStakeView : IValidatorDirectory
{
    double TotalValidatorStake { get; }
}
