namespace Sn19.Actors.Wire;

/// <summary>
/// What a miner knows of the metagraph when it admits a request: whether a hotkey is registered and
/// its stake. The chain subsystem supplies it; it must answer from memory (it is called per request).
/// </summary>
public interface IValidatorDirectory
{
    /// <summary>False when <paramref name="hotkeySs58"/> is not registered on the subnet.</summary>
    bool TryGetStake(string hotkeySs58, out double stake);
}
