namespace Sn19.Actors.Chain.Local;

/// <summary>The local chain's mutable row for one uid; only <see cref="LocalChain"/> touches it, under its lock.</summary>
internal sealed class NeuronRecord
{
    public required ushort Uid { get; init; }

    public required string Hotkey { get; set; }

    public required string Coldkey { get; set; }

    public ulong RegisteredAt { get; set; }

    public ulong LastUpdate { get; set; }

    /// <summary>The block of the last set-weights applied (0: none). A weights call is signed against
    /// <see cref="LastUpdate"/>, which cannot move within a block, so a second call in the block that applied
    /// one would carry the same nonce: it is refused, whatever the rate limit.</summary>
    public ulong WeightsSetAt { get; set; }

    public string? AxonIp { get; set; }

    public int AxonPort { get; set; }

    public bool ValidatorPermit { get; set; }

    public bool Active { get; set; } = true;

    public ushort Incentive { get; set; }

    public ushort Dividends { get; set; }

    public ushort Trust { get; set; }

    public ushort ValidatorTrust { get; set; }

    public ushort Consensus { get; set; }

    public ushort Rank { get; set; }

    public ulong EmissionRao { get; set; }

    public UidValue[] Weights { get; set; } = [];

    public UidValue[] Bonds { get; set; } = [];

    /// <summary>Clears what belonged to the previous holder of the uid (subtensor's <c>clear_neuron</c>).</summary>
    public void ResetFor(string hotkey, string coldkey, ulong block)
    {
        Hotkey = hotkey;
        Coldkey = coldkey;
        RegisteredAt = block;
        LastUpdate = block;
        WeightsSetAt = 0;
        AxonIp = null;
        AxonPort = 0;
        ValidatorPermit = false;
        Active = true;
        Incentive = Dividends = Trust = ValidatorTrust = Consensus = Rank = 0;
        EmissionRao = 0;
        Weights = [];
        Bonds = [];
    }
}
