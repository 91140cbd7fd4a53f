namespace Sn19.Tests.Actors.Subnet.Contenders;

using System.Text.Json;
using Sn19.Actors.Mechanism;
using Sn19.Actors.Subnet.Contenders;

public sealed class ContenderStateTests
{
    private static readonly MechanismOptions Options = new();
    private static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Period_OpenRecordClose_ComputesThePeriodScore()
    {
        var state = new ContenderState(new ContenderKey("hk", "t"));
        Apply(state, state.DecideOpen(new PeriodOpening(0, Start, 80_000, 60_000, 0.04, 1)));

        Assert.Equal(80_000, state.DeclaredCapacity);
        Assert.Equal(60_000, state.Capacity);
        Assert.Equal(2_400, state.CapacityToScore);

        for (var i = 0; i < 8; i++)
        {
            Apply(state, state.DecideRecord(i, Start, organic: false, QueryOutcome.Ok(300, TimeSpan.FromSeconds(3))));
        }

        Apply(state, state.DecideRecord(8, Start, organic: true, QueryOutcome.Failed));
        Apply(state, state.DecideRecord(9, Start, organic: false, QueryOutcome.RateLimited));
        Apply(state, state.DecideClose(0, Start + TimeSpan.FromMinutes(30)));

        var expected = PeriodScore.Compute(new PeriodCounters(10, 60_000, 2_400, 1, 1));
        Assert.Equal(expected, state.History.Single().Score);
        Assert.Equal(0, state.LastClosedPeriod);
        Assert.Null(state.OpenPeriod);
        Assert.Equal(8, state.Pending.Count);

        // The closed period's counts stay readable after the next period opens and resets the counters.
        Apply(state, state.DecideOpen(new PeriodOpening(1, Start + TimeSpan.FromMinutes(30), 10, 60_000, 0.04, 1)));
        Assert.Equal(0, state.Queries);
        Assert.Equal(new ClosedPeriodTally(0, 80_000, 60_000, 8, 1, 1, expected), state.Summary().LastClosed);
    }

    [Fact]
    public void Commands_RepeatedAfterACrash_AreNoOps()
    {
        var state = new ContenderState(new ContenderKey("hk", "t"));
        var opening = new PeriodOpening(3, Start, 60_000, 60_000, 0.08, 1);
        Apply(state, state.DecideOpen(opening));
        Apply(state, state.DecideRecord(5, Start, false, QueryOutcome.Ok(100, TimeSpan.FromSeconds(1))));

        Assert.Null(state.DecideOpen(opening));
        Assert.Null(state.DecideRecord(5, Start, false, QueryOutcome.Ok(100, TimeSpan.FromSeconds(1))));
        Apply(state, state.DecideQuality(5, 0.9));
        Assert.Null(state.DecideQuality(5, 0.9));
        Apply(state, state.DecideClose(3, Start));
        Assert.Null(state.DecideClose(3, Start));
        Assert.Null(state.DecideOpen(opening));
        Assert.Single(state.Samples);
        Assert.Single(state.History);
    }

    [Fact]
    public void Queries_EndingOutOfOrder_AreAllRecorded_AndARepeatStaysANoOpAfterASnapshot()
    {
        var state = new ContenderState(new ContenderKey("hk", "t"));
        Apply(state, state.DecideOpen(new PeriodOpening(0, Start, 60_000, 60_000, 0.08, 1)));

        // Query 7 was sent after 6 but answered first: both count.
        Apply(state, state.DecideRecord(7, Start, false, QueryOutcome.Ok(100, TimeSpan.FromSeconds(1))));
        Apply(state, state.DecideRecord(6, Start, false, QueryOutcome.Failed));
        var restored = ContenderState.FromSnapshot(JsonSerializer.Deserialize<ContenderSnapshot>(JsonSerializer.Serialize(state.ToSnapshot()))!);

        Assert.Equal(2, state.Queries);
        Assert.Equal(7, state.LastQueryId);
        Assert.Null(restored.DecideRecord(6, Start, false, QueryOutcome.Failed));
        Assert.Null(restored.DecideRecord(7, Start, false, QueryOutcome.Failed));
        Assert.NotNull(restored.DecideRecord(8, Start, false, QueryOutcome.Failed));
    }

    [Fact]
    public void Quality_RecordedForPendingResult_BecomesASampleWithItsSpeed()
    {
        var state = new ContenderState(new ContenderKey("hk", "t"));
        Apply(state, state.DecideOpen(new PeriodOpening(0, Start, 60_000, 60_000, 0.04, 1)));
        Apply(state, state.DecideRecord(1, Start, false, QueryOutcome.Ok(200, TimeSpan.FromSeconds(4))));
        Apply(state, state.DecideQuality(1, 0.5));

        var sample = Assert.Single(state.Samples);
        Assert.Equal(25, sample.Speed);
        Assert.Empty(state.Pending);
        Assert.Null(state.DecideQuality(99, 0.5));
    }

    [Fact]
    public void Aggregate_UsesSamplesHistoryAndCapacity()
    {
        var state = new ContenderState(new ContenderKey("hk", "t"));
        for (var p = 0; p < 10; p++)
        {
            var at = Start + TimeSpan.FromMinutes(30 * p);
            Apply(state, state.DecideOpen(new PeriodOpening(p, at, 60_000, 60_000, 0.04, 1)));
            Apply(state, state.DecideRecord(1, at, false, QueryOutcome.Ok(300, TimeSpan.FromSeconds(3))));
            Apply(state, state.DecideQuality(1, 0.95));
            Apply(state, state.DecideClose(p, at + TimeSpan.FromMinutes(30)));
        }

        var aggregate = state.Aggregate(Start + TimeSpan.FromHours(5), Options, qualitySquareExempt: false);

        Assert.Equal(Math.Pow(0.95, 1.5), aggregate.Quality!.Value, 12);
        Assert.Equal(0.95 * 100, aggregate.SpeedMetric!.Value, 9);
        Assert.Equal(1.0, aggregate.Period.Value, 12);
        Assert.Equal(10, aggregate.Period.ScoredPeriods);
        Assert.Equal(60_000, aggregate.Capacity);
    }

    [Fact]
    public void Snapshot_RoundTripsThroughJson()
    {
        var state = new ContenderState(new ContenderKey("hk", "t"));
        Apply(state, state.DecideOpen(new PeriodOpening(0, Start, 60_000, 60_000, 0.04, 1)));
        Apply(state, state.DecideRecord(1, Start, false, QueryOutcome.Ok(300, TimeSpan.FromSeconds(3), TimeSpan.FromMilliseconds(200))));
        Apply(state, state.DecideRecord(2, Start, false, QueryOutcome.Ok(100, TimeSpan.FromSeconds(1))));
        Apply(state, state.DecideQuality(1, 0.7));
        Apply(state, state.DecideClose(0, Start));

        var json = JsonSerializer.Serialize(state.ToSnapshot(), JsonSerializerOptions.Web);
        var restored = ContenderState.FromSnapshot(JsonSerializer.Deserialize<ContenderSnapshot>(json, JsonSerializerOptions.Web)!);

        Assert.Equal(state.Summary(), restored.Summary());
        Assert.Equal(state.Samples, restored.Samples);
        Assert.Equal(state.History, restored.History);
        Assert.Equal(state.Pending, restored.Pending);
    }

    [Fact]
    public void Events_RoundTripThroughJson()
    {
        ContenderEvent[] events =
        [
            new PeriodOpened(1, Start, 70_000, 60_000, 0.08, 4_800),
            new QueryRecorded(1, 7, Start, true, QueryOutcomeKind.Ok, 250, TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(120), TimeSpan.FromSeconds(1.88)),
            new QualityRecorded(7, Start, 0.93, 250, TimeSpan.FromSeconds(2)),
            new PeriodClosed(1, Start, null, 0),
        ];

        foreach (var e in events)
        {
            var json = JsonSerializer.Serialize(e, e.GetType(), JsonSerializerOptions.Web);
            Assert.Equal(e, JsonSerializer.Deserialize(json, e.GetType(), JsonSerializerOptions.Web));
        }
    }

    private static void Apply(ContenderState state, ContenderEvent? e)
    {
        Assert.NotNull(e);
        state.Apply(e, Options);
    }
}
