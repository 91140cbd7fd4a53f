namespace Sn19.Actors.Wire;

/// <summary>What a validator asks a miner for: each wire maps it to its own path.</summary>
public enum MinerOperation
{
    Capacity,
    Chat,
    Completion,
}
