namespace Sn19.Tests.Actors.Chain.Yuma;

using Sn19.Actors.Chain.Yuma;

public sealed class YumaEpochTests
{
    private static ushort[] U16(long[] values) => Array.ConvertAll(values, Fixed.ToU16);

    [Fact]
    public void Run_WorkedExample_ConsensusTrustAndIncentiveMatchReference()
    {
        var result = YumaEpoch.Run(YumaExamples.WorkedExample(yuma3: true));

        Assert.Equal(new ushort[] { 29126, 18724, 9362, 7281 }, U16(result.Consensus)[3..]);
        Assert.Equal(new ushort[] { 57213, 55132, 23925 }, U16(result.ValidatorTrust)[..3]);
        Assert.Equal(new ushort[] { 29724, 21585, 8280, 5944 }, U16(result.Incentive)[3..]);
        Assert.Equal(new ulong[] { 226780425, 164687591, 63175204, 45356777 }, result.ServerEmission[3..]);
    }

    [Fact]
    public void Run_WorkedExampleLegacy_DividendsAndBondsMatchReference()
    {
        var input = YumaExamples.WorkedExample(yuma3: false);
        var result = YumaEpoch.Run(input);

        Assert.Equal(new ushort[] { 31139, 26256, 8138 }, U16(result.Dividends)[..3]);
        Assert.Equal(new ulong[] { 237580708, 200323821, 62095469 }, result.ValidatorEmission[..3]);
        Assert.Equal([new(3, 65535), new(4, 65535), new(5, 65535)], result.StoredBonds[0]!);
        Assert.Equal([new(3, 57343), new(4, 57343), new(6, 65535)], result.StoredBonds[1]!);
        Assert.Equal([new(4, 15928), new(5, 40959), new(6, 46810)], result.StoredBonds[2]!);

        var second = YumaEpoch.Run(YumaExamples.Next(input, result));
        Assert.Equal(new ulong[] { 237581369, 200324102, 62094527 }, second.ValidatorEmission[..3]);
        Assert.Equal(result.StoredBonds[..3], second.StoredBonds[..3]);
    }

    [Fact]
    public void Run_WorkedExampleYuma3_DividendsAndBondsMatchReference()
    {
        var input = YumaExamples.WorkedExample(yuma3: true);
        var result = YumaEpoch.Run(input);

        Assert.Equal(new ushort[] { 31576, 26478, 7479 }, U16(result.Dividends)[..3]);
        Assert.Equal(new ulong[] { 240913160, 202019649, 57067190 }, result.ValidatorEmission[..3]);
        Assert.Equal([new(3, 2912), new(4, 1872), new(5, 936)], result.StoredBonds[0]!);
        Assert.Equal([new(3, 2912), new(4, 1872), new(6, 728)], result.StoredBonds[1]!);
        Assert.Equal([new(4, 728), new(5, 936), new(6, 728)], result.StoredBonds[2]!);

        var second = YumaEpoch.Run(YumaExamples.Next(input, result));
        Assert.Equal([new(3, 5533), new(4, 3557), new(5, 1778)], second.StoredBonds[0]!);
        Assert.Equal([new(3, 5533), new(4, 3557), new(6, 1383)], second.StoredBonds[1]!);
        Assert.Equal([new(4, 1383), new(5, 1778), new(6, 1383)], second.StoredBonds[2]!);
        Assert.Equal(new ulong[] { 240913180, 202019667, 57067151 }, second.ValidatorEmission[..3]);
    }

    [Fact]
    public void Run_SubtensorTestBonds_BondsAndEmissionMatchBitForBit()
    {
        var result = YumaEpoch.Run(YumaExamples.TestBonds());

        var column4 = result.StoredBonds[..4].Select(row => row!.Single(b => b.Uid == 4).Value).ToArray();
        Assert.Equal(new ushort[] { 16383, 32767, 49151, 65535 }, column4);
        Assert.Equal(
            new ulong[] { 49999998, 99999999, 150000000, 200000001, 49998779, 100000610, 149996337, 200004272 },
            result.Emission);
    }

    [Fact]
    public void Kappa_Default_IsChainBits()
    {
        Assert.Equal(0x7FFF7FFFL, Fixed.Div(Fixed.FromInt(32_767), Fixed.U16Max));
    }

    [Fact]
    public void TopKNonZero_EqualStakes_HigherUidWins()
    {
        var permits = YumaEpoch.TopKNonZero([5, 5, 5, 0], 2);
        Assert.Equal(new[] { false, true, true, false }, permits);
    }

    [Fact]
    public void Run_NoWeights_ValidatorsPaidByActiveStake()
    {
        var input = YumaExamples.WorkedExample(yuma3: true);
        input = input with { Neurons = input.Neurons.Select(n => n with { Weights = [] }).ToList() };
        var result = YumaEpoch.Run(input);

        Assert.All(result.ServerEmission, e => Assert.Equal(0UL, e));
        Assert.True(result.ValidatorEmission[0] > result.ValidatorEmission[1]);
        Assert.InRange(result.ValidatorEmission.Aggregate(0UL, (a, v) => a + v), 999_999_990UL, 1_000_000_000UL);
    }
}
