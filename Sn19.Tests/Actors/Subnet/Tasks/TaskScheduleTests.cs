namespace Sn19.Tests.Actors.Subnet.Tasks;

using Sn19.Actors.Subnet.Contenders;
using Sn19.Actors.Subnet.Tasks;

public sealed class TaskScheduleTests
{
    private static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Build_CountsAndSpacesTheQueries()
    {
        var schedule = TaskSchedule.Build("t", Start, TimeSpan.FromMinutes(30), 3_000, 300, 0.5);

        Assert.Equal(10, schedule.Requests);
        Assert.Equal(TimeSpan.FromSeconds(1800.0 / 11), schedule.Interval);
        Assert.Equal(Start + (schedule.Interval * 0.5), schedule.NextDue);
    }

    [Fact]
    public void Choose_DeficitFirst_TestsInProportionToCapacityToScore()
    {
        var contenders = new Dictionary<string, ContenderSummary>
        {
            ["big"] = Summary("big", 6_000),
            ["mid"] = Summary("mid", 3_000),
            ["small"] = Summary("small", 1_000),
        };

        for (var i = 0; i < 30; i++)
        {
            var chosen = TaskSchedule.Choose(contenders.Values, 300)!;
            contenders[chosen.Hotkey] = chosen with { Queries = chosen.Queries + 1 };
        }

        // Deficit first levels the deficits: 6000 − 300b ≈ 3000 − 300m ≈ 1000 − 300s with b + m + s = 30
        // gives 18.9 / 8.9 / 2.2 (least-requested first, the reference's rule, would give 10 / 10 / 10).
        Assert.Equal(19, contenders["big"].Queries);
        Assert.Equal(9, contenders["mid"].Queries);
        Assert.Equal(2, contenders["small"].Queries);
    }

    [Fact]
    public void Choose_SkipsContendersWithoutCapacityLeft()
    {
        var full = Summary("a", 6_000) with { Consumed = 60_000 };
        var chosen = TaskSchedule.Choose([full, Summary("b", 10)], 300);
        Assert.Equal("b", chosen!.Hotkey);
        Assert.Null(TaskSchedule.Choose([full], 300));
    }

    [Fact]
    public void OnOrganic_CancelsTheNextPendingSynthetic()
    {
        var schedule = TaskSchedule.Build("t", Start, TimeSpan.FromMinutes(30), 900, 300, 0);
        schedule.OnOrganic();

        Assert.True(schedule.IsDue(Start));
        Assert.False(schedule.TakeDue());
        Assert.True(schedule.TakeDue());
        Assert.True(schedule.TakeDue());
        Assert.Equal((1, 2, 0), (schedule.Cancelled, schedule.Sent, schedule.Remaining));
        Assert.False(schedule.IsDue(Start + TimeSpan.FromHours(1)));
    }

    [Fact]
    public void OnOrganic_MoreOrganicThanSynthetics_CancelsAtMostAll()
    {
        var schedule = TaskSchedule.Build("t", Start, TimeSpan.FromMinutes(30), 600, 300, 0);
        for (var i = 0; i < 5; i++)
        {
            schedule.OnOrganic();
        }

        Assert.False(schedule.TakeDue());
        Assert.False(schedule.TakeDue());
        Assert.Equal(0, schedule.Remaining);
        Assert.Equal(5, schedule.Organic);
    }

    internal static ContenderSummary Summary(string hotkey, double capacityToScore) => new(
        hotkey, "t", 0, null, 60_000, 60_000, capacityToScore / 60_000, capacityToScore, 0, 0, 0, 0, -1, null, null, 0, 0, 0);
}
