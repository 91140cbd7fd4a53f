namespace Sn19.Tests.Actors.Subnet.Tasks;

using Sn19.Actors.Subnet.Contenders;
using Sn19.Actors.Subnet.Tasks;

/// <summary>Organic routing (MECHANISM.md): by score among those with capacity left, newcomers at the mean score.</summary>
public sealed class OrganicRoutingTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 1, 0, 10, 0, TimeSpan.Zero);
    private static readonly IReadOnlySet<string> NoneTried = new HashSet<string>();
    private static readonly IReadOnlyDictionary<string, DateTimeOffset> NoFailures = new Dictionary<string, DateTimeOffset>();

    [Fact]
    public void NoScoreYet_LeastQueriedFirst()
    {
        var field = new[] { Contender("a", queries: 3), Contender("b", queries: 1), Contender("c", queries: 1) };

        Assert.Equal("b", OrganicRouting.Choose(field, NoneTried, NoFailures, Now, 0.99)!.Hotkey);
    }

    [Fact]
    public void Scored_DrawnInProportionToScore()
    {
        var field = new[] { Contender("a", score: 3), Contender("b", score: 1) };

        // a covers [0, 0.75) of the draw, b [0.75, 1).
        Assert.Equal("a", OrganicRouting.Choose(field, NoneTried, NoFailures, Now, 0.74)!.Hotkey);
        Assert.Equal("b", OrganicRouting.Choose(field, NoneTried, NoFailures, Now, 0.76)!.Hotkey);
    }

    [Fact]
    public void Newcomer_JoinsAtTheMeanScore()
    {
        var field = new[] { Contender("a", score: 1), Contender("b", score: 0.5), Contender("new") };

        // Scores 1, 0.5 and the newcomer's 0.75: the newcomer holds the last third of the draw.
        Assert.Equal("new", OrganicRouting.Choose(field, NoneTried, NoFailures, Now, 0.9)!.Hotkey);
        Assert.Equal("b", OrganicRouting.Choose(field, NoneTried, NoFailures, Now, 0.5)!.Hotkey);
    }

    [Fact]
    public void Tried_Full_AndRecentlyFailed_AreSkipped_UntilThePausePasses()
    {
        var field = new[] { Contender("tried", score: 1), Contender("full", score: 1, consumed: 1_000), Contender("failed", score: 1), Contender("ok", score: 0.1) };
        var tried = new HashSet<string> { "tried" };
        var failures = new Dictionary<string, DateTimeOffset> { ["failed"] = Now - TimeSpan.FromSeconds(3) };

        Assert.Equal("ok", OrganicRouting.Choose(field, tried, failures, Now, 0.5)!.Hotkey);
        Assert.Equal("failed", OrganicRouting.Choose(field, tried, failures, Now + OrganicRouting.FailurePause, 0.5)!.Hotkey);
        Assert.Null(OrganicRouting.Choose(field, new HashSet<string> { "tried", "ok", "failed" }, NoFailures, Now, 0.5));
    }

    private static ContenderSummary Contender(string hotkey, double? score = null, int queries = 0, double consumed = 0) =>
        TaskScheduleTests.Summary(hotkey, 300) with { TaskId = "chat", Capacity = 1_000, Consumed = consumed, Queries = queries, LastScore = score };
}
