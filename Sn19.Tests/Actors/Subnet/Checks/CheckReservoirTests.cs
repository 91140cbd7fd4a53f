namespace Sn19.Tests.Actors.Subnet.Checks;

using Sn19.Actors.Subnet.Checks;

public sealed class CheckReservoirTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Capacity_ThousandTimesWeight()
    {
        Assert.Equal(100, new CheckReservoir("t", 0.10, 1000, TimeSpan.FromDays(5)).Capacity);
        Assert.Equal(25, new CheckReservoir("t", 0.025, 1000, TimeSpan.FromDays(5)).Capacity);
    }

    [Fact]
    public void Offer_WhenFull_TurnsResultsAway()
    {
        var reservoir = new CheckReservoir("t", 0.002, 1000, TimeSpan.FromDays(5));
        Assert.True(reservoir.Offer(Candidate("a", 1)));
        Assert.True(reservoir.Offer(Candidate("a", 2)));
        Assert.False(reservoir.Offer(Candidate("a", 3)));
        Assert.False(reservoir.Offer(Candidate("b", 4)) && reservoir.Count > 2);
    }

    [Fact]
    public void Take_FewestChecksFirst_ThenOldest()
    {
        var reservoir = new CheckReservoir("t", 1, 1000, TimeSpan.FromDays(5));
        reservoir.CountCheck("a", Now);
        reservoir.CountCheck("a", Now);
        reservoir.CountCheck("b", Now);
        reservoir.Offer(Candidate("a", 1));
        reservoir.Offer(Candidate("b", 2));
        reservoir.Offer(Candidate("c", 3));
        reservoir.Offer(Candidate("c", 4));

        // Checks so far: a 2, b 1, c 0.
        Assert.Equal(3, reservoir.Take(Now)!.QueryId);
        reservoir.CountCheck("c", Now);

        // b 1 and c 1 tie: the older result (b's) goes first.
        Assert.Equal(2, reservoir.Take(Now)!.QueryId);
        reservoir.CountCheck("b", Now);
        Assert.Equal(4, reservoir.Take(Now)!.QueryId);
        Assert.Equal(1, reservoir.Take(Now)!.QueryId);
        Assert.Null(reservoir.Take(Now));
    }

    [Fact]
    public void ChecksOf_OldChecksLeaveTheWindow()
    {
        var reservoir = new CheckReservoir("t", 1, 1000, TimeSpan.FromDays(5));
        reservoir.CountCheck("a", Now);
        Assert.Equal(1, reservoir.ChecksOf("a", Now + TimeSpan.FromDays(4)));
        Assert.Equal(0, reservoir.ChecksOf("a", Now + TimeSpan.FromDays(6)));
    }

    [Fact]
    public async Task ModelShardedPool_RoutesByModel_AndSaysWhenNoChecker()
    {
        var pool = new ModelShardedCheckerPool([new ConstantChecker("m1", 0.9), new ConstantChecker("m2", 0.1)]);

        Assert.Equal(0.9, (await pool.CheckAsync(Candidate("a", 1) with { Model = "m1" }, default)).Quality);
        Assert.Equal(0.1, (await pool.CheckAsync(Candidate("a", 1) with { Model = "m2" }, default)).Quality);
        var missing = await pool.CheckAsync(Candidate("a", 1) with { Model = "m3" }, default);
        Assert.False(missing.Checked);
        Assert.Contains("m3", missing.Reason, StringComparison.Ordinal);
    }

    private static CheckCandidate Candidate(string hotkey, long id) => new(hotkey, "t", "m1", id, Now, "{}", "{}");

    private sealed class ConstantChecker(string model, double quality) : IResultChecker
    {
        public string Model => model;

        public ValueTask<CheckVerdict> CheckAsync(CheckCandidate candidate, CancellationToken cancellationToken) =>
            ValueTask.FromResult(CheckVerdict.Scored(quality));
    }
}
