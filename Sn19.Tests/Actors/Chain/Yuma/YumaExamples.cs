namespace Sn19.Tests.Actors.Chain.Yuma;

using Sn19.Actors.Chain;
using Sn19.Actors.Chain.Yuma;

/// <summary>The epoch inputs of chain-and-yuma.md §1.7 and Appendix B, built in code.</summary>
internal static class YumaExamples
{
    public const ulong Block = 1_000;

    /// <summary>§1.7: V0..V2 with 40e9/35e9/25e9 rao, miners M3..M6, E = 1e9 rao, no old bonds.</summary>
    public static YumaEpochInput WorkedExample(bool yuma3)
    {
        UidValue[][] weights =
        [
            [new(3, 65_535), new(4, 32_768), new(5, 16_384)],
            [new(3, 65_535), new(4, 65_535), new(6, 16_384)],
            [new(4, 16_384), new(5, 65_535), new(6, 65_535)],
        ];
        ulong[] stakes = [40_000_000_000, 35_000_000_000, 25_000_000_000, 0, 0, 0, 0];
        var neurons = new List<YumaNeuron>();
        for (var uid = 0; uid < stakes.Length; uid++)
        {
            neurons.Add(new YumaNeuron(
                stakes[uid], Block, 0, uid < 3, uid < 3 ? weights[uid] : [], []));
        }

        return new YumaEpochInput(
            Block, 0, 1_000_000_000, null, new YumaParameters { Yuma3 = yuma3 }, neurons);
    }

    /// <summary>Feeds an epoch's stored bonds and new permits back in, as the chain does for the next epoch.</summary>
    public static YumaEpochInput Next(YumaEpochInput input, YumaEpochResult result)
    {
        var neurons = input.Neurons.Select((n, i) => n with
        {
            ValidatorPermit = result.NewValidatorPermit[i],
            Bonds = result.StoredBonds[i] ?? n.Bonds,
        }).ToList();
        return input with { Neurons = neurons, LastMechanismStepBlock = input.Block, Block = input.Block + input.Parameters.Tempo };
    }

    /// <summary>subtensor tests/epoch.rs::test_bonds, first epoch: 4 validators with stake 1..4, 4 miners, legacy Yuma.</summary>
    public static YumaEpochInput TestBonds()
    {
        UidValue[] row = [new(4, 16_383), new(5, 32_767), new(6, 49_149), new(7, 65_535)];
        var neurons = new List<YumaNeuron>();
        for (var uid = 0; uid < 8; uid++)
        {
            neurons.Add(new YumaNeuron(uid < 4 ? (ulong)(uid + 1) : 0, Block, 0, uid < 4, uid < 4 ? row : [], []));
        }

        return new YumaEpochInput(
            Block, 0, 1_000_000_000, null, new YumaParameters { Yuma3 = false, MaxAllowedValidators = 8 }, neurons);
    }
}
