namespace Sn19.Host.Cli.Chain;

/// <summary>One uid in a `sn19 chain yuma` input file.</summary>
internal sealed class YumaNeuronFile
{
    public int Uid { get; set; }

    /// <summary>Stake weight in rao.</summary>
    public ulong StakeRao { get; set; }

    /// <summary>The permit from the previous epoch; default: stake &gt; 0.</summary>
    public bool? ValidatorPermit { get; set; }

    /// <summary>Block of the last set-weights; default: the epoch's block (active, weights fresh).</summary>
    public ulong? LastUpdate { get; set; }

    public ulong RegisteredAt { get; set; }

    /// <summary>uid → u16 weight as stored on chain (already max-upscaled).</summary>
    public Dictionary<ushort, ushort>? Weights { get; set; }

    /// <summary>uid → u16 bond as stored on chain.</summary>
    public Dictionary<ushort, ushort>? Bonds { get; set; }
}
