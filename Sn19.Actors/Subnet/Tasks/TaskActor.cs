namespace Sn19.Actors.Subnet.Tasks;

using Akka.Actor;
using Sn19.Actors.Hosting;
using Sn19.Actors.Mechanism;
using Sn19.Actors.Subnet.Contenders;

/// <summary>
/// One per task. At each period start it builds the synthetic schedule from its contenders'
/// capacity-to-score, then, on its timer (Akka's scheduler, virtual in tests), hands each due synthetic
/// to the sink for the contender furthest below its budget. It also routes organic requests
/// (<see cref="OrganicRouting"/>, on the same view of its contenders); each one cancels a pending synthetic.
/// Not persistent: after a restart the next period starts a fresh schedule (the period's queries already
/// recorded live in the contenders' journals).
/// </summary>
internal sealed class TaskActor : ReceiveActor, IWithTimers, IDescribedActor
{
    private const string DueTimer = "synthetic-due";

    private readonly TaskDefinition _task;
    private readonly TimeSpan _periodLength;
    private readonly ISyntheticQuerySink _sink;

    private readonly Dictionary<string, ContenderSummary> _contenders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _lastFailure = new(StringComparer.Ordinal);
    private Random _routing = new(0);
    private TaskSchedule? _schedule;
    private long? _period;
    private long _nextQueryId;
    private int _organic;
    private int _ok;
    private int _rateLimited;
    private int _failed;
    private double _work;

    public TaskActor(TaskDefinition task, TimeSpan period, ISyntheticQuerySink sink)
    {
        _task = task;
        _periodLength = period;
        _sink = sink;
        Receive<BeginTaskPeriod>(Begin);
        Receive<SyntheticDue>(due => due.Period == _period, _ => FireDue());
        Receive<SyntheticDue>(_ => { });
        Receive<RouteOrganic>(Route);
        Receive<QueryCompleted>(Count);
        Receive<GetTaskSummary>(_ => Sender.Tell(Describe()));
        Receive<DescribeActor>(_ => Sender.Tell(new ActorDescription(Describe())));
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(TaskDefinition task, TimeSpan period, ISyntheticQuerySink sink) =>
        Akka.Actor.Props.Create(() => new TaskActor(task, period, sink));

    private void Begin(BeginTaskPeriod begin)
    {
        _period = begin.Period;
        _contenders.Clear();
        foreach (var c in begin.Contenders.Where(c => c.TaskId == _task.Id))
        {
            _contenders[c.Hotkey] = c;
        }

        _schedule = TaskSchedule.Build(_task.Id, begin.Start, _periodLength, _contenders.Values.Sum(c => c.CapacityToScore),
            _task.VolumePerRequest, begin.FirstOffsetUniform);
        if (begin.ResumeAt is { } resumeAt)
        {
            _schedule.SkipBefore(resumeAt);
        }

        _nextQueryId = 0;
        _lastFailure.Clear();
        _routing = new Random(unchecked((int)(begin.RoutingSeed ^ (begin.RoutingSeed >> 32))));
        _organic = _ok = _rateLimited = _failed = 0;
        _work = 0;
        ArmTimer();
        Sender.Tell(Describe());
    }

    private void FireDue()
    {
        var now = Context.System.Scheduler.Now;
        while (_schedule is not null && _schedule.IsDue(now))
        {
            if (!_schedule.TakeDue())
            {
                continue;
            }

            if (TaskSchedule.Choose(_contenders.Values, _task.VolumePerRequest) is { } chosen)
            {
                // Count the query at once so the next choice sees the smaller deficit.
                _contenders[chosen.Hotkey] = chosen with { Queries = chosen.Queries + 1 };
                _sink.Submit(new SyntheticQueryRequest(_task.Id, chosen.Hotkey, _period!.Value, NextQueryId(now), now, Self));
            }
        }

        ArmTimer();
    }

    private void Route(RouteOrganic route)
    {
        var now = Context.System.Scheduler.Now;
        if (_period is not { } period || _schedule is null || now >= _schedule.End)
        {
            Sender.Tell(new OrganicRoute(null, _period ?? -1, 0, now));
            return;
        }

        var tried = route.Tried.ToHashSet(StringComparer.Ordinal);
        if (tried.Count == 0)
        {
            _organic++;
            _schedule.OnOrganic();
        }

        if (OrganicRouting.Choose(_contenders.Values, tried, _lastFailure, now, _routing.NextDouble()) is not { } chosen)
        {
            Sender.Tell(new OrganicRoute(null, period, 0, now));
            return;
        }

        _contenders[chosen.Hotkey] = chosen with { Queries = chosen.Queries + 1 };
        Sender.Tell(new OrganicRoute(chosen.Hotkey, period, NextQueryId(now), now, Self));
    }

    /// <summary>Query ids only have to increase per contender; time in ticks does that across synthetic and
    /// organic queries alike, and across restarts.</summary>
    private long NextQueryId(DateTimeOffset now)
    {
        _nextQueryId = Math.Max(_nextQueryId + 1, now.UtcTicks);
        return _nextQueryId;
    }

    private void Count(QueryCompleted done)
    {
        switch (done.Kind)
        {
            case QueryOutcomeKind.Ok:
                _ok++;
                _work += done.Work;
                if (_contenders.TryGetValue(done.Hotkey, out var c))
                {
                    _contenders[done.Hotkey] = c with { Consumed = c.Consumed + done.Work };
                }

                break;
            case QueryOutcomeKind.RateLimited:
                _rateLimited++;
                _lastFailure[done.Hotkey] = done.SentAt;
                break;
            default:
                _failed++;
                _lastFailure[done.Hotkey] = done.SentAt;
                break;
        }
    }

    private void ArmTimer()
    {
        if (_schedule is { Remaining: > 0 } s && s.NextDue < s.End)
        {
            Timers.StartSingleTimer(DueTimer, new SyntheticDue(_period!.Value), Context.System.Scheduler.Until(s.NextDue));
        }
        else
        {
            Timers.Cancel(DueTimer);
        }
    }

    private TaskSummary Describe() => new(
        _task.Id, _period, _schedule?.Requests ?? 0, _schedule?.Sent ?? 0, _schedule?.Cancelled ?? 0, _schedule?.Remaining ?? 0,
        _schedule is { Remaining: > 0 } s ? s.NextDue : null, _organic, _ok, _rateLimited, _failed, _work, _contenders.Count,
        _schedule?.Skipped ?? 0);
}
