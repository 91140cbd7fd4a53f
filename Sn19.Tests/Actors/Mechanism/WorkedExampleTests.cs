namespace Sn19.Tests.Actors.Mechanism;

using Sn19.Actors.Mechanism;

/// <summary>The reference's worked example (nineteen-mechanism.md §7): one task, two miners.</summary>
public sealed class WorkedExampleTests
{
    private static readonly MechanismOptions Options = new();

    [Fact]
    public void Compute_TwoMinerExample_GivesReferenceShares()
    {
        var qualityA = QualityOf(0.95);
        var qualityB = QualityOf(0.90);
        var contenders = new[]
        {
            new ContenderAggregate("A", "t", qualityA, SpeedMetric: 80, new PeriodAggregateResult(1.0, 1, 20), 60_000),
            new ContenderAggregate("B", "t", qualityB, SpeedMetric: 40, new PeriodAggregateResult(0.9, 1, 20), 60_000),
        };

        var result = WeightCalculator.Compute([new TaskWeight("t", 1.0)], contenders, Options);

        var a = result.Contenders.Single(c => c.Hotkey == "A");
        var b = result.Contenders.Single(c => c.Hotkey == "B");
        Assert.Equal(0.9259, qualityA, 4);
        Assert.Equal(0.8538, qualityB, 4);
        Assert.Equal(0.25, a.Bonus, 12);
        Assert.Equal(-0.25, b.Bonus, 12);
        Assert.Equal(1.1574, a.CombinedQuality, 4);
        Assert.Equal(0.6404, b.CombinedQuality, 4);
        Assert.Equal(69_446, a.EffectiveVolume, 0);
        Assert.Equal(34_580, b.EffectiveVolume, 0);
        Assert.Equal(0.6676, a.LinearShare, 4);
        Assert.Equal(0.3324, b.LinearShare, 4);
        Assert.Equal(0.9421, a.Share, 4);
        Assert.Equal(0.0579, b.Share, 4);
        Assert.Equal(0.9421, result.Miners.Single(m => m.Hotkey == "A").Weight, 4);
        Assert.Equal(0.0579, result.Miners.Single(m => m.Hotkey == "B").Weight, 4);
    }

    [Theory]
    [InlineData(0.92, 0.8824)]
    [InlineData(0.88, 0.6815)]
    public void QualityAggregate_AroundTheCliff_MatchesReference(double q, double expected) =>
        Assert.Equal(expected, QualityOf(q), 4);

    [Fact]
    public void PeriodAggregate_TwentyPeriodsOfPointNine_IsPointNine()
    {
        var now = DateTimeOffset.UnixEpoch + TimeSpan.FromDays(10);
        var periods = Enumerable.Range(0, 20)
            .Select(i => new PeriodRecord(0.9, 1_000 + i, now - TimeSpan.FromMinutes(30 * i)))
            .ToList();

        var p = PeriodAggregate.Compute(OldestFirst(periods), now, Options);

        Assert.Equal(0.9, p.Value, 12);
        Assert.Equal(1.0, p.Multiplier);
        Assert.Equal(20, p.ScoredPeriods);
    }

    private static double QualityOf(double q)
    {
        var samples = Enumerable.Repeat(q, 12).ToArray();
        return QualityAggregate.Compute(samples, squareExempt: false, Options.QualityExponent, Options.QualitySquareThreshold)!.Value;
    }

    private static PeriodRecord[] OldestFirst(IEnumerable<PeriodRecord> newestFirst) => [.. newestFirst.Reverse()];
}
