namespace Sn19.Tests.Actors.Mechanism;

using Sn19.Actors.Mechanism;

public sealed class QualityAndSpeedTests
{
    [Fact]
    public void QualityAggregate_LowQualityAvatar_NotSquared()
    {
        double[] q = [0.5, 0.5];
        Assert.Equal(Math.Pow(0.5, 1.5), QualityAggregate.Compute(q, squareExempt: true, 1.5, 0.85)!.Value, 12);
        Assert.Equal(Math.Pow(0.5, 3), QualityAggregate.Compute(q, squareExempt: false, 1.5, 0.85)!.Value, 12);
        Assert.Null(QualityAggregate.Compute([], squareExempt: false, 1.5, 0.85));
    }

    [Fact]
    public void Percentile_ThirtiethOfTen_IsFourthSmallest()
    {
        double[] speeds = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1];
        Assert.Equal(4, SpeedBonus.Percentile(speeds, 0.3));
    }

    [Fact]
    public void Compute_FiveMiners_BonusFromPlusToMinusQuarter()
    {
        double[] metrics = [3, 5, 1, 4, 2];
        var bonuses = new double[5];
        SpeedBonus.Compute(metrics, bonuses, 0.5);
        Assert.Equal([0.0, 0.25, -0.25, 0.125, -0.125], bonuses);
    }

    [Fact]
    public void Compute_OneMiner_NoBonus()
    {
        var bonuses = new double[] { 9 };
        SpeedBonus.Compute([3.0], bonuses, 0.5);
        Assert.Equal(0, bonuses[0]);
    }

    [Fact]
    public void Speed_QualityTimesWorkPerSecond() =>
        Assert.Equal(0.5 * 300 / 2, new QualitySample(0.5, 300, TimeSpan.FromSeconds(2), DateTimeOffset.UnixEpoch).Speed);

    [Fact]
    public void Normalise_FourthPower_Renormalised()
    {
        var shares = new double[2];
        TaskShares.Normalise([2.0, 1.0], shares, 4);
        Assert.Equal(16.0 / 17, shares[0], 12);
        Assert.Equal(1.0 / 17, shares[1], 12);
        TaskShares.Normalise([0.0, 0.0], shares, 4);
        Assert.Equal([0.0, 0.0], shares);
    }

    [Fact]
    public void Quantise_LargestTo65535_HalfToEven_ZerosDropped()
    {
        // 0.5 / 1 × 65535 = 32767.5 → 32768 (even); 1e-7 rounds to 0 and is dropped; uid 4 weight 0 dropped.
        var q = WeightQuantiser.Quantise(
        [
            KeyValuePair.Create((ushort)7, 1.0),
            KeyValuePair.Create((ushort)3, 0.5),
            KeyValuePair.Create((ushort)9, 1e-7),
            KeyValuePair.Create((ushort)4, 0.0),
        ]);
        Assert.Equal([new UidWeight(3, 32768), new UidWeight(7, 65535)], q);
    }
}
