namespace Sn19.Host.Cli.Chain;

using Sn19.Actors.Chain;
using Sn19.Actors.Chain.Yuma;

/// <summary>
/// The `sn19 chain yuma --input` file (examples/yuma/*.json). Every uid 0..n-1 appears once; missing fields take
/// the defaults documented on each property; unknown fields are an error.
/// </summary>
internal sealed class YumaInputFile
{
    /// <summary>The block the epoch runs in; default: the largest lastUpdate given, or 1000.</summary>
    public ulong? Block { get; set; }

    /// <summary>Block of the previous epoch; 0 means none (bonds then keep uids registered before block − tempo).</summary>
    public ulong LastEpochBlock { get; set; }

    public ulong EmissionRao { get; set; } = 1_000_000_000;

    public int? OwnerUid { get; set; }

    public YumaParameters Hyperparameters { get; set; } = new();

    public List<YumaNeuronFile> Neurons { get; set; } = [];

    /// <summary>The epoch input, or a message naming what is wrong.</summary>
    public (YumaEpochInput? Input, string? Problem) ToInput()
    {
        var n = Neurons.Count;
        var ordered = Neurons.OrderBy(x => x.Uid).ToArray();
        for (var i = 0; i < n; i++)
        {
            if (ordered[i].Uid != i)
            {
                return (null, $"neurons must list every uid 0..{n - 1} exactly once (uid {i} is missing or duplicated)");
            }

            var refs = (ordered[i].Weights?.Keys ?? Enumerable.Empty<ushort>()).Concat(ordered[i].Bonds?.Keys ?? Enumerable.Empty<ushort>());
            foreach (var j in refs)
            {
                if (j >= n)
                {
                    return (null, $"uid {i} has a weight or bond on uid {j}, which is not in neurons");
                }
            }
        }

        if (Hyperparameters.Tempo == 0)
        {
            return (null, "hyperparameters.tempo must be at least 1");
        }

        var block = Block ?? (ordered.Any(x => x.LastUpdate.HasValue) ? ordered.Max(x => x.LastUpdate ?? 0) : 1_000);
        var neurons = ordered.Select(x => new YumaNeuron(
            x.StakeRao,
            x.LastUpdate ?? block,
            x.RegisteredAt,
            x.ValidatorPermit ?? x.StakeRao > 0,
            Pairs(x.Weights),
            Pairs(x.Bonds))).ToArray();
        return (new YumaEpochInput(block, LastEpochBlock, EmissionRao, OwnerUid, Hyperparameters, neurons), null);
    }

    private static UidValue[] Pairs(Dictionary<ushort, ushort>? map) =>
        map is null ? [] : map.OrderBy(kv => kv.Key).Select(kv => new UidValue(kv.Key, kv.Value)).ToArray();
}
