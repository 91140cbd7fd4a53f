namespace Sn19.Actors.Chain;

/// <summary>
/// One uid of the metagraph (chain-and-yuma.md §2.1). Consensus values are the chain's u16 (divide by 65535 for
/// a proportion); <see cref="Rank"/> and <see cref="Trust"/> are the pre-2025-10 definitions the local chain
/// still computes (subtensor now reports 0). Stake and emission are in rao (1 TAO = 1e9 rao).
/// </summary>
public sealed record NeuronInfo
{
    public required ushort Uid { get; init; }

    public required string Hotkey { get; init; }

    public required string Coldkey { get; init; }

    public ulong StakeRao { get; init; }

    /// <summary>IPv4/IPv6 text, or null when the neuron has not served an axon.</summary>
    public string? AxonIp { get; init; }

    public int AxonPort { get; init; }

    public bool ValidatorPermit { get; init; }

    public bool Active { get; init; }

    public ushort Incentive { get; init; }

    public ushort Dividends { get; init; }

    public ushort Trust { get; init; }

    public ushort ValidatorTrust { get; init; }

    public ushort Consensus { get; init; }

    public ushort Rank { get; init; }

    /// <summary>rao earned in the last epoch.</summary>
    public ulong EmissionRao { get; init; }

    public ulong LastUpdate { get; init; }

    public ulong RegisteredAt { get; init; }
}
