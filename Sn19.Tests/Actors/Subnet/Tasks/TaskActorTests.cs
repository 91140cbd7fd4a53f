namespace Sn19.Tests.Actors.Subnet.Tasks;

using System.Collections.Concurrent;
using Sn19.Actors.Kernel;
using Sn19.Actors.Subnet.Tasks;
using Sn19.Tests.TestSupport;

/// <summary>The task actor on fake time: schedule, deficit-first choice, organic cancels.</summary>
public sealed class TaskActorTests
{
    private static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Period = TimeSpan.FromMinutes(30);

    [Fact]
    public async Task Period_SendsEveryPlannedSyntheticDeficitFirst()
    {
        var time = new ManualTimeProvider(Start);
        var sink = new CollectingSink();
        await using var system = ActorSystem.Create("test", time: time);
        var task = system.Spawn("task-chat", () => new TaskActor(Chat(), Period, sink));

        var plan = await AskAsync(task, r => new BeginTaskPeriod(0, Start, Contenders(), 0.5, r));
        await RunPeriodAsync(time, task);
        var summary = await AskAsync(task, r => new GetTaskSummary(r));

        // 6 000 + 3 000 + 1 000 to score at 300 per request → 33 requests over the period.
        Assert.Equal(33, plan.Planned);
        Assert.Equal(33, summary.Sent);
        Assert.Equal(0, summary.Remaining);
        var perMiner = sink.Requests.GroupBy(r => r.Hotkey).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(20, perMiner["big"]);
        Assert.Equal(10, perMiner["mid"]);
        Assert.Equal(3, perMiner["small"]);
        Assert.All(sink.Requests, r => Assert.InRange(r.At, Start, Start + Period));
        Assert.Equal(sink.Requests.Count, sink.Requests.Select(r => r.QueryId).Distinct().Count());
    }

    [Fact]
    public async Task Organic_CancelsPendingSynthetics()
    {
        var time = new ManualTimeProvider(Start);
        var sink = new CollectingSink();
        await using var system = ActorSystem.Create("test", time: time);
        var task = system.Spawn("task-chat", () => new TaskActor(Chat(), Period, sink));

        await AskAsync(task, r => new BeginTaskPeriod(0, Start, Contenders(), 0.5, r));
        for (var i = 0; i < 5; i++)
        {
            task.Tell(new OrganicServed("mid"));
        }

        await RunPeriodAsync(time, task);
        var summary = await AskAsync(task, r => new GetTaskSummary(r));

        Assert.Equal(28, summary.Sent);
        Assert.Equal(5, summary.Cancelled);
        Assert.Equal(5, summary.OrganicRequests);
        Assert.Equal(28, sink.Requests.Count);
    }

    private static async Task RunPeriodAsync(ManualTimeProvider time, ActorRef<TaskMessage> task)
    {
        for (var s = 0; s <= (int)Period.TotalSeconds; s += 5)
        {
            time.Advance(TimeSpan.FromSeconds(5));

            // The ask queues behind the timer's message, so its reply means the due synthetic was handled.
            await AskAsync(task, r => new GetTaskSummary(r));
        }
    }

    private static async Task<TaskSummary> AskAsync(ActorRef<TaskMessage> task, Func<ReplyTo<TaskSummary>, TaskMessage> build) =>
        (await task.AskAsync(build, TimeSpan.FromHours(1), CancellationToken.None)).GetValueOrThrow();

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
