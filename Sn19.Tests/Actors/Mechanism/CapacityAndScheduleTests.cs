namespace Sn19.Tests.Actors.Mechanism;

using Sn19.Actors.Mechanism;

public sealed class CapacityAndScheduleTests
{
    private static readonly MechanismOptions Options = new();

    [Theory]
    [InlineData(-5, 0)]
    [InlineData(double.NaN, 0)]
    [InlineData(12_345, 12_345)]
    [InlineData(1e12, 60_000)]
    public void Clamp_Declared_IntoZeroMax(double declared, double expected) =>
        Assert.Equal(expected, Capacity.Clamp(declared, 60_000));

    [Fact]
    public void MinerShare_DividesByValidatorStake() =>
        Assert.Equal(15_000, Capacity.MinerShare(60_000, 250, 1_000));

    [Theory]
    [InlineData(0.0, 0.04)]
    [InlineData(0.4999, 0.04)]
    [InlineData(0.5, 0.08)]
    [InlineData(0.8999, 0.08)]
    [InlineData(0.9, 0.12)]
    [InlineData(0.9949, 0.12)]
    [InlineData(0.995, 0.80)]
    [InlineData(0.9999999, 0.80)]
    public void Draw_Uniform_MapsOntoReferenceTiers(double u, double share) =>
        Assert.Equal(share, ShareToTest.Draw(u, Options.OrderedTiers()));

    [Fact]
    public void Expected_ReferenceTiers_Is0674() =>
        Assert.Equal(0.0674, ShareToTest.Expected(Options.OrderedTiers()), 10);

    [Fact]
    public void Draw_SeededStream_MatchesProbabilities()
    {
        var tiers = Options.OrderedTiers();
        var counts = new Dictionary<double, int>();
        for (var i = 0; i < 200_000; i++)
        {
            var m = ShareToTest.Draw(SeededRandom.Uniform(7, i), tiers);
            counts[m] = counts.GetValueOrDefault(m) + 1;
        }

        // 200 000 draws: a binomial standard deviation of at most 0.0012, so 0.005 is over 4 sigma.
        Assert.InRange(counts[0.04] / 200_000.0, 0.495, 0.505);
        Assert.InRange(counts[0.08] / 200_000.0, 0.395, 0.405);
        Assert.InRange(counts[0.12] / 200_000.0, 0.090, 0.100);
        Assert.InRange(counts[0.80] / 200_000.0, 0.004, 0.006);
    }

    [Fact]
    public void RequestCount_ReferenceExample_About270()
    {
        // 20 contenders × 60 000 × E[m] = 80 880 → 269 requests of 300 tokens.
        Assert.Equal(269, SyntheticSchedule.RequestCount(20 * 60_000 * 0.0674, 300));
        Assert.Equal(0, SyntheticSchedule.RequestCount(299, 300));
    }

    [Fact]
    public void Interval_SpreadsOverThePeriod()
    {
        var interval = SyntheticSchedule.Interval(TimeSpan.FromMinutes(30), 269);
        Assert.InRange((interval - TimeSpan.FromSeconds(1800.0 / 270)).Duration().Ticks, 0, 1);
        Assert.True(SyntheticSchedule.FirstOffset(interval, 0.999) < interval);
    }

    [Fact]
    public void Uniform_SameKey_SameNumber_DifferentKey_Different()
    {
        Assert.Equal(SeededRandom.Uniform(42, 1, 2, 3), SeededRandom.Uniform(42, 1, 2, 3));
        Assert.NotEqual(SeededRandom.Uniform(42, 1, 2, 3), SeededRandom.Uniform(42, 1, 2, 4));
        Assert.NotEqual(SeededRandom.Uniform(42, 1, 2, 3), SeededRandom.Uniform(43, 1, 2, 3));
        // FNV-1a of the UTF-16 code units, computed independently: stable across processes and platforms,
        // unlike string.GetHashCode, so a period replays after a restart.
        Assert.Equal(4975435579196198294L, SeededRandom.Key("miner-a"));
    }

    [Fact]
    public void Validate_BadProbabilities_NamesTheKey()
    {
        var options = new MechanismOptions();
        options.ShareToTest["full"].Probability = 0.5;
        options.SpeedPercentile = 1.5;
        var errors = options.Validate();
        Assert.Contains(errors, e => e.StartsWith("mechanism.share-to-test ", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("mechanism.speed-percentile ", StringComparison.Ordinal));
        Assert.Empty(new MechanismOptions().Validate());
    }
}
