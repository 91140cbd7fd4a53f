namespace Sn19.Tests.Actors.Subnet.Tasks;

using System.Collections.Concurrent;
using Akka.Actor;
using Akka.TestKit;
using Akka.TestKit.Xunit2;
using Sn19.Actors.Subnet.Tasks;

/// <summary>The task actor on Akka's virtual time (TestScheduler): schedule, deficit-first choice, organic cancels.</summary>
public sealed class TaskActorTests() : TestKit(VirtualTime.Config)
{
    private static readonly TimeSpan Period = TimeSpan.FromMinutes(30);

    private TestScheduler Scheduler => (TestScheduler)Sys.Scheduler;

    [Fact]
    public async Task Period_SendsEveryPlannedSyntheticDeficitFirst()
    {
        var start = Scheduler.Now;
        var sink = new CollectingSink();
        var task = Sys.ActorOf(TaskActor.Props(Chat(), Period, sink), "task-chat");

        var plan = await task.Ask<TaskSummary>(new BeginTaskPeriod(0, start, Contenders(), 0.5, 7));
        await RunPeriodAsync(task);
        var summary = await task.Ask<TaskSummary>(GetTaskSummary.Instance);

        // 6 000 + 3 000 + 1 000 to score at 300 per request → 33 requests over the period.
        Assert.Equal(33, plan.Planned);
        Assert.Equal(33, summary.Sent);
        Assert.Equal(0, summary.Remaining);
        var perMiner = sink.Requests.GroupBy(r => r.Hotkey).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(20, perMiner["big"]);
        Assert.Equal(10, perMiner["mid"]);
        Assert.Equal(3, perMiner["small"]);
        Assert.All(sink.Requests, r => Assert.InRange(r.At, start, start + Period));
        Assert.Equal(sink.Requests.Count, sink.Requests.Select(r => r.QueryId).Distinct().Count());
    }

    [Fact]
    public async Task Organic_CancelsPendingSynthetics()
    {
        var sink = new CollectingSink();
        var task = Sys.ActorOf(TaskActor.Props(Chat(), Period, sink), "task-chat");

        await task.Ask<TaskSummary>(new BeginTaskPeriod(0, Scheduler.Now, Contenders(), 0.5, 7));
        var routes = new List<OrganicRoute>();
        for (var i = 0; i < 5; i++)
        {
            routes.Add(await task.Ask<OrganicRoute>(new RouteOrganic([])));
        }

        await RunPeriodAsync(task);
        var summary = await task.Ask<TaskSummary>(GetTaskSummary.Instance);

        Assert.Equal(28, summary.Sent);
        Assert.Equal(5, summary.Cancelled);
        Assert.Equal(5, summary.OrganicRequests);
        Assert.Equal(28, sink.Requests.Count);
        // No contender has a score yet: the least-queried one each time, so the five go round the three.
        Assert.Equal(["big", "mid", "small", "big", "mid"], routes.Select(r => r.Hotkey));
        Assert.Equal(routes.Count, routes.Select(r => r.QueryId).Distinct().Count());
    }

    [Fact]
    public async Task Organic_RetrySkipsTheMinersTried_AndNoneLeftIsNoRoute()
    {
        var task = Sys.ActorOf(TaskActor.Props(Chat(), Period, new CollectingSink()), "task-chat");
        await task.Ask<TaskSummary>(new BeginTaskPeriod(0, Scheduler.Now, Contenders(), 0.5, 7));

        var tried = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 3; i++)
        {
            var route = await task.Ask<OrganicRoute>(new RouteOrganic([.. tried]));
            Assert.NotNull(route.Hotkey);
            Assert.DoesNotContain(route.Hotkey, tried);
            tried.Add(route.Hotkey!);
        }

        var none = await task.Ask<OrganicRoute>(new RouteOrganic([.. tried]));
        var summary = await task.Ask<TaskSummary>(GetTaskSummary.Instance);

        Assert.Null(none.Hotkey);
        Assert.Equal(1, summary.OrganicRequests);
    }

    private async Task RunPeriodAsync(IActorRef task)
    {
        for (var s = 0; s <= (int)Period.TotalSeconds; s += 5)
        {
            Scheduler.Advance(TimeSpan.FromSeconds(5));

            // The ask queues behind the timer's message, so its reply means the due synthetic was handled.
            await task.Ask<TaskSummary>(GetTaskSummary.Instance);
        }
    }

    private static TaskDefinition Chat() =>
        new("chat", TaskKind.Chat, "m", "/chat/completions", 60_000, 1, 1, 300, TimeSpan.FromSeconds(2), true, true);

    private static IReadOnlyList<Sn19.Actors.Subnet.Contenders.ContenderSummary> Contenders() =>
    [
        TaskScheduleTests.Summary("big", 6_000) with { TaskId = "chat" },
        TaskScheduleTests.Summary("mid", 3_000) with { TaskId = "chat" },
        TaskScheduleTests.Summary("small", 1_000) with { TaskId = "chat" },
    ];

    private sealed class CollectingSink : ISyntheticQuerySink
    {
        private readonly ConcurrentQueue<SyntheticQueryRequest> _requests = new();

        public IReadOnlyList<SyntheticQueryRequest> Requests => [.. _requests];

        public bool Submit(SyntheticQueryRequest request)
        {
            _requests.Enqueue(request);
            return true;
        }
    }
}
