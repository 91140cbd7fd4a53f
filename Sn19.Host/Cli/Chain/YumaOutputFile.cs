namespace Sn19.Host.Cli.Chain;

using Sn19.Actors.Chain.Yuma;

/// <summary>
/// What `sn19 chain yuma` prints. Vectors are indexed by uid. <see cref="ValidatorPermit"/> holds the permits
/// for the next epoch. Bonds: <c>u16</c> rows as the chain would store them (legacy: column max-upscaled;
/// uids without a permit before or after keep their input row), <c>float</c> rows the epoch's bonds before
/// quantisation (legacy: column-normalized; Yuma3: the EMA in [0, 1]).
/// </summary>
internal sealed record YumaOutputFile(
    string Algorithm,
    ulong Block,
    ulong EmissionRao,
    bool[] Active,
    bool[] ValidatorPermit,
    YumaVector StakeWeight,
    YumaVector Consensus,
    YumaVector Incentive,
    YumaVector Dividends,
    YumaVector ValidatorTrust,
    YumaVector Trust,
    YumaVector Rank,
    ulong[] ServerEmissionRao,
    ulong[] ValidatorEmissionRao,
    ulong[] EmissionTotalRao,
    YumaBondsOutput Bonds)
{
    public static YumaOutputFile From(YumaEpochInput input, YumaEpochResult r)
    {
        var n = input.Neurons.Count;
        var u16 = new SortedDictionary<int, ushort>[n];
        var fl = new SortedDictionary<int, double>[n];
        for (var i = 0; i < n; i++)
        {
            var stored = r.StoredBonds[i] ?? input.Neurons[i].Bonds.ToArray();
            u16[i] = new SortedDictionary<int, ushort>(stored.ToDictionary(b => (int)b.Uid, b => b.Value));
            fl[i] = new SortedDictionary<int, double>(r.Bonds[i].ToDictionary(e => e.Col, e => Fixed.ToDouble(e.Value)));
        }

        return new YumaOutputFile(
            input.Parameters.Yuma3 ? "yuma3" : "legacy",
            input.Block,
            input.EmissionRao,
            r.Active,
            r.NewValidatorPermit,
            YumaVector.From(r.StakeWeight),
            YumaVector.From(r.Consensus),
            YumaVector.From(r.Incentive),
            YumaVector.From(r.Dividends),
            YumaVector.From(r.ValidatorTrust),
            YumaVector.From(r.Trust),
            YumaVector.From(r.Rank),
            r.ServerEmission,
            r.ValidatorEmission,
            r.Emission,
            new YumaBondsOutput(u16, fl));
    }
}
