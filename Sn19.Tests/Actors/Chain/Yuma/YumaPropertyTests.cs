namespace Sn19.Tests.Actors.Chain.Yuma;

using FsCheck;
using FsCheck.Fluent;
using Sn19.Actors.Chain;
using Sn19.Actors.Chain.Yuma;

/// <summary>Properties of one epoch over random subnets (fixed seeds, so a failure replays).</summary>
public sealed class YumaPropertyTests
{
    private const ulong Block = 1_000;

    private static Config Config => Config.QuickThrowOnFailure.WithMaxTest(200).WithReplay(20_251_121, 7);

    /// <summary>Σ floor(R_j·2^32/ΣR) lies in (2^32 − n, 2^32]: each truncating division loses under one ulp.</summary>
    private static void AssertSumsToOne(long[] incentive)
    {
        var n = incentive.Length;
        var sum = Fixed.Sum(incentive);
        Assert.InRange(sum, Fixed.One - n, Fixed.One);
        var u16 = incentive.Sum(x => (long)Fixed.ToU16(x));
        Assert.InRange(u16, 65_535 - n, 65_535);
    }

    [Fact]
    public void Run_EveryValidatorWeightsEveryMiner_IncentivesSumToOne()
    {
        var gen =
            from validators in Gen.Choose(1, 8)
            from miners in Gen.Choose(1, 12)
            from stakes in Gen.ArrayOf(Gen.Choose(1, 1_000_000), validators)
            from weights in Gen.ArrayOf(Gen.ArrayOf(Gen.Choose(1, 65_535), miners), validators)
            select (stakes, weights, yuma3: miners % 2 == 0);

        Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var input = Subnet(c.stakes, c.weights, c.yuma3);
            var result = YumaEpoch.Run(input);
            AssertSumsToOne(result.Incentive);
        }).Check(Config);
    }

    [Fact]
    public void Run_AnySparseWeights_IncentivesSumToOneUnlessNothingSurvivesConsensus()
    {
        var gen =
            from validators in Gen.Choose(1, 8)
            from miners in Gen.Choose(1, 12)
            from stakes in Gen.ArrayOf(Gen.Choose(1, 1_000_000), validators)
            from weights in Gen.ArrayOf(Gen.ArrayOf(Gen.Frequency((2, Gen.Constant(0)), (3, Gen.Choose(1, 65_535))), miners), validators)
            select (stakes, weights);

        Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var result = YumaEpoch.Run(Subnet(c.stakes, c.weights, yuma3: true));
            if (result.Rank.Any(r => r > 0))
            {
                AssertSumsToOne(result.Incentive);
            }
            else
            {
                // No weight reached κ of the stake anywhere: consensus is 0 on every miner, nothing is paid to servers.
                Assert.All(result.Incentive, i => Assert.Equal(0L, i));
                Assert.All(result.ServerEmission, e => Assert.Equal(0UL, e));
            }
        }).Check(Config);
    }

    [Fact]
    public void Run_ValidatorMatchingConsensus_HasHigherValidatorTrustThanDeviator()
    {
        var gen =
            from honestCount in Gen.Choose(2, 5)
            from miners in Gen.Choose(2, 10)
            from deviantStake in Gen.Choose(1, 1_000_000)
            from extra in Gen.ArrayOf(Gen.Choose(0, 1_000_000), honestCount)
            from honest in Gen.ArrayOf(Gen.Choose(0, 65_535), miners)
            from deviant in Gen.ArrayOf(Gen.Choose(0, 65_535), miners)
            where honest.Any(w => w > 0) && deviant.Any(w => w > 0) && L1(honest, deviant) > 1e-4
            select (honestCount, deviantStake, extra, honest, deviant);

        Prop.ForAll(gen.ToArbitrary(), c =>
        {
            // Each honest validator holds at least the deviant's stake, so together they hold ≥ 2/3 > κ.
            var stakes = c.extra.Select(e => c.deviantStake + e).Append(c.deviantStake).ToArray();
            var weights = Enumerable.Repeat(c.honest, c.honestCount).Append(c.deviant).ToArray();
            var result = YumaEpoch.Run(Subnet(stakes, weights, yuma3: true));

            var deviantTrust = result.ValidatorTrust[c.honestCount];
            for (var v = 0; v < c.honestCount; v++)
            {
                Assert.True(
                    result.ValidatorTrust[v] > deviantTrust,
                    $"honest vtrust {Fixed.ToDouble(result.ValidatorTrust[v])} <= deviant {Fixed.ToDouble(deviantTrust)}");
            }
        }).Check(Config);
    }

    private static double L1(int[] a, int[] b)
    {
        double sa = a.Sum(), sb = b.Sum();
        return a.Zip(b, (x, y) => Math.Abs((x / sa) - (y / sb))).Sum();
    }

    /// <summary>Validators 0..v−1 with the given stakes and weights on miners v..v+m−1, all active, permits held.</summary>
    private static YumaEpochInput Subnet(int[] stakes, int[][] weights, bool yuma3)
    {
        var v = stakes.Length;
        var m = weights[0].Length;
        var neurons = new List<YumaNeuron>();
        for (var i = 0; i < v + m; i++)
        {
            UidValue[] row = i < v
                ? weights[i].Select((w, j) => new UidValue((ushort)(v + j), (ushort)w)).Where(p => p.Value > 0).ToArray()
                : [];
            neurons.Add(new YumaNeuron(i < v ? (ulong)stakes[i] * 1_000_000 : 0, Block, 0, i < v, row, []));
        }

        return new YumaEpochInput(Block, 0, 1_000_000_000, null, new YumaParameters { Yuma3 = yuma3 }, neurons);
    }
}
