namespace Sn19.Actors.Subnet.Tasks;

using Sn19.Actors.Kernel;
using Sn19.Actors.Mechanism;
using Sn19.Actors.Subnet.Contenders;

/// <summary>
/// One per task. At each period start it builds the synthetic schedule from its contenders'
/// capacity-to-score, then, on its timer (the system's <see cref="TimeProvider"/>), hands each due synthetic
/// to the sink for the contender furthest below its budget. Organic requests cancel pending synthetics.
/// Not persistent: after a restart the next period starts a fresh schedule (the period's queries already
/// recorded live in the contenders' journals).
/// </summary>
internal sealed class TaskActor(TaskDefinition task, TimeSpan period, ISyntheticQuerySink sink) : Actor<TaskMessage>, IIntrospectable
{
    private const string DueTimer = "synthetic-due";

    private readonly Dictionary<string, ContenderSummary> _contenders = new(StringComparer.Ordinal);
    private TaskSchedule? _schedule;
    private long? _period;
    private long _nextQueryId;
    private int _organic;
    private int _ok;
    private int _rateLimited;
    private int _failed;
    private double _work;

    protected override Task ReceiveAsync(TaskMessage message, CancellationToken cancellationToken)
    {
        switch (message)
        {
            case BeginTaskPeriod begin:
                Begin(begin);
                break;
            case SyntheticDue due when due.Period == _period:
                FireDue();
                break;
            case OrganicServed organic:
                _organic++;
                _schedule?.OnOrganic();
                break;
            case QueryCompleted done:
                Count(done);
                break;
            case GetTaskSummary get:
                get.ReplyTo.Reply(Describe());
                break;
        }

        return Task.CompletedTask;
    }

    public object Summary() => Describe();

    private void Begin(BeginTaskPeriod begin)
    {
        _period = begin.Period;
        _contenders.Clear();
        foreach (var c in begin.Contenders.Where(c => c.TaskId == task.Id))
        {
            _contenders[c.Hotkey] = c;
        }

        _schedule = TaskSchedule.Build(task.Id, begin.Start, period, _contenders.Values.Sum(c => c.CapacityToScore),
            task.VolumePerRequest, begin.FirstOffsetUniform);
        _nextQueryId = 0;
        _organic = _ok = _rateLimited = _failed = 0;
        _work = 0;
        ArmTimer();
        begin.ReplyTo?.Reply(Describe());
    }

    private void FireDue()
    {
        var now = Context.Time.GetUtcNow();
        while (_schedule is not null && _schedule.IsDue(now))
        {
            if (!_schedule.TakeDue())
            {
                continue;
            }

            if (TaskSchedule.Choose(_contenders.Values, task.VolumePerRequest) is { } chosen)
            {
                // Count the query at once so the next choice sees the smaller deficit.
                _contenders[chosen.Hotkey] = chosen with { Queries = chosen.Queries + 1 };
                // Query ids only have to increase per contender; time in ticks does that across
                // synthetic and organic sources alike.
                _nextQueryId = Math.Max(_nextQueryId + 1, now.UtcTicks);
                sink.Submit(new SyntheticQueryRequest(task.Id, chosen.Hotkey, _period!.Value, _nextQueryId, now));
            }
        }

        ArmTimer();
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
                break;
            default:
                _failed++;
                break;
        }
    }

    private void ArmTimer()
    {
        if (_schedule is { Remaining: > 0 } s && s.NextDue < s.End)
        {
            var delay = s.NextDue - Context.Time.GetUtcNow();
            Context.Timers.StartSingle(DueTimer, new SyntheticDue(_period!.Value), delay > TimeSpan.Zero ? delay : TimeSpan.Zero);
        }
        else
        {
            Context.Timers.Cancel(DueTimer);
        }
    }

    private TaskSummary Describe() => new(
        task.Id, _period, _schedule?.Requests ?? 0, _schedule?.Sent ?? 0, _schedule?.Cancelled ?? 0, _schedule?.Remaining ?? 0,
        _schedule is { Remaining: > 0 } s ? s.NextDue : null, _organic, _ok, _rateLimited, _failed, _work, _contenders.Count);
}
