namespace Sn19.Tests.Actors.Chain;

using Sn19.Actors.Chain;

public sealed class WeightConversionTests
{
    [Fact]
    public void FromScores_AppendixBVector_MatchesSdk()
    {
        var (uids, values) = WeightConversion.FromScores([1, 2, 3, 4], [0.4, 0.3, 0.2, 0.1]);
        Assert.Equal(new ushort[] { 1, 2, 3, 4 }, uids);
        Assert.Equal(new ushort[] { 65535, 49151, 32768, 16384 }, values);
    }

    [Fact]
    public void FromScores_ZerosDroppedAllZeroEmpty()
    {
        var (uids, values) = WeightConversion.FromScores([1, 2], [1.0, 1e-9]);
        Assert.Equal(new ushort[] { 1 }, uids);
        Assert.Equal(new ushort[] { 65535 }, values);
        Assert.Empty(WeightConversion.FromScores([1, 2], [0, 0]).Uids);
    }

    [Fact]
    public void FromScores_Negative_Throws()
    {
        Assert.Throws<ArgumentException>(() => WeightConversion.FromScores([1], [-0.1]));
    }
}
