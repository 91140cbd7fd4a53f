namespace Sn19.Tests.Actors.Mechanism;

using FsCheck;
using FsCheck.Fluent;
using Sn19.Actors.Mechanism;

public sealed class PeriodScoreTests
{
    [Fact]
    public void Compute_AnyCounters_ScoreInZeroOne()
    {
        var counters =
            from t in Gen.Choose(1, 200)
            from r429 in Gen.Choose(0, t)
            from r500 in Gen.Choose(0, t - r429)
            from c in Gen.Choose(1, 120_000)
            from u in Gen.Choose(0, 240_000)
            select new PeriodCounters(t, c, u, r429, r500);
        var property = Prop.ForAll(counters.ToArbitrary(), x => PeriodScore.Compute(x) is >= 0 and <= 1);
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(1000), property);
    }

    [Theory]
    [InlineData(0, 60_000)]
    [InlineData(10, 0)]
    public void Compute_NoQueriesOrNoCapacity_NoScore(int queries, double capacity) =>
        Assert.Null(PeriodScore.Compute(new PeriodCounters(queries, capacity, 0, 0, 0)));

    [Fact]
    public void Compute_AllOk_One() =>
        Assert.Equal(1.0, PeriodScore.Compute(new PeriodCounters(10, 60_000, 3_000, 0, 0)));

    [Fact]
    public void Compute_FailuresWithUnusedCapacity_SquaresTheFailurePenalty()
    {
        // T = 10, r500 = 2, C = 60 000, U = 3 000: u = 0.95, g = 0.8, score = 0.8 × (1 − 0.2 × 0.95)².
        var score = PeriodScore.Compute(new PeriodCounters(10, 60_000, 3_000, 0, 2));
        Assert.Equal(0.8 * 0.81 * 0.81, score!.Value, 12);
    }

    [Fact]
    public void Compute_RateLimitedAfterFullUse_OnlyLosesTheQueries()
    {
        // All declared volume was used, so u = 0 and a 429 only costs its own share g.
        var score = PeriodScore.Compute(new PeriodCounters(10, 1_000, 1_000, 3, 0));
        Assert.Equal(0.7, score!.Value, 12);
    }

    [Fact]
    public void PeriodAggregate_FewPeriods_MultipliedByQuarter()
    {
        var options = new MechanismOptions();
        var now = DateTimeOffset.UnixEpoch + TimeSpan.FromDays(1);
        var periods = Enumerable.Range(0, 8).Select(i => new PeriodRecord(1.0, 100, now - TimeSpan.FromMinutes(30 * i))).ToList();
        Assert.Equal(0.25, PeriodAggregate.Compute(OldestFirst(periods), now, options).Value, 12);
        periods.Add(new PeriodRecord(1.0, 100, now - TimeSpan.FromHours(5)));
        Assert.Equal(1.0, PeriodAggregate.Compute(OldestFirst(periods), now, options).Value, 12);
    }

    [Fact]
    public void PeriodAggregate_NewestWeighsMost_AndOldOnesExpire()
    {
        var options = new MechanismOptions { FewPeriodsThreshold = 0 };
        var now = DateTimeOffset.UnixEpoch + TimeSpan.FromDays(10);
        var periods = new List<PeriodRecord>
        {
            new(1.0, 100, now),
            new(0.0, 100, now - TimeSpan.FromMinutes(30)),
            new(null, 0, now - TimeSpan.FromMinutes(60)),
            new(0.0, 100, now - TimeSpan.FromDays(4)),
        };

        // Two scored periods in retention: w = (0.5, 0.25) → P = 0.5 / 0.75.
        var p = PeriodAggregate.Compute(OldestFirst(periods), now, options);
        Assert.Equal(2, p.ScoredPeriods);
        Assert.Equal(0.5 / 0.75, p.Value, 12);
    }

    [Fact]
    public void PeriodAggregate_AnyScoresInRange_AggregateInRange()
    {
        var options = new MechanismOptions();
        var now = DateTimeOffset.UnixEpoch + TimeSpan.FromDays(10);
        var gen = Gen.Choose(0, 1000).Zip(Gen.Choose(0, 5000)).ArrayOf();
        var property = Prop.ForAll(gen.ToArbitrary(), xs =>
        {
            var periods = xs.Select((x, i) => new PeriodRecord(x.Item1 / 1000.0, x.Item2, now - TimeSpan.FromMinutes(30 * i))).ToList();
            return PeriodAggregate.Compute(OldestFirst(periods), now, options).Value is >= 0 and <= 1;
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), property);
    }

    private static PeriodRecord[] OldestFirst(IEnumerable<PeriodRecord> newestFirst) => [.. newestFirst.Reverse()];
}
