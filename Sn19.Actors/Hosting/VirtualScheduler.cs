namespace Sn19.Actors.Hosting;

using Akka.Actor;
using Akka.Configuration;
using Akka.Dispatch;
using Akka.Event;

/// <summary>
/// Akka's scheduler on virtual time, for <c>sn19 simulate</c> and the pipeline tests: nothing fires by
/// itself; a driver asks for the next due item and fires items one at a time, in (due time, scheduling
/// order), so a run with the same inputs fires the same items in the same order every time. Firing one
/// item, rather than all items due together, lets the driver wait for that item's work to settle before
/// the next one starts: two actors woken at the same instant never race.
/// Select it with <c>akka.scheduler.implementation = "Sn19.Actors.Hosting.VirtualScheduler, Sn19.Actors"</c>.
/// </summary>
public sealed class VirtualScheduler : SchedulerBase
{
    private readonly Lock _gate = new();
    private readonly PriorityQueue<VirtualScheduledItem, (DateTimeOffset Due, long Order)> _items = new();
    private readonly DateTimeOffset _origin = DateTimeOffset.UnixEpoch;
    private DateTimeOffset _now = DateTimeOffset.UnixEpoch;
    private long _order;

    public VirtualScheduler(Config scheduler, ILoggingAdapter log)
        : base(scheduler, log)
    {
    }

    /// <summary>The virtual time now.</summary>
    public DateTimeOffset Now => TimeNow;

    public override TimeSpan MonotonicClock => Now - _origin;

    public override TimeSpan HighResMonotonicClock => MonotonicClock;

    protected override DateTimeOffset TimeNow
    {
        get
        {
            lock (_gate)
            {
                return _now;
            }
        }
    }

    /// <summary>When the earliest item still scheduled is due; null when nothing is.</summary>
    public DateTimeOffset? NextDue
    {
        get
        {
            lock (_gate)
            {
                DropCancelled();
                return _items.TryPeek(out _, out var key) ? key.Due : null;
            }
        }
    }

    /// <summary>Moves the clock to <paramref name="time"/> without firing anything; an item due before it fires next,
    /// late. For setting the start of a run before anything is scheduled.</summary>
    public void MoveTo(DateTimeOffset time)
    {
        lock (_gate)
        {
            if (time > _now)
            {
                _now = time;
            }
        }
    }

    /// <summary>
    /// Fires the earliest item due at or before <paramref name="limit"/>, moving the clock to its due time;
    /// returns the actor it told (null for an action, or when nothing was due). Null and false: nothing due.
    /// </summary>
    public bool FireNext(DateTimeOffset limit, out IActorRef? told)
    {
        VirtualScheduledItem item;
        lock (_gate)
        {
            DropCancelled();
            told = null;
            if (!_items.TryPeek(out item!, out var key) || key.Due > limit)
            {
                return false;
            }

            _items.Dequeue();
            if (key.Due > _now)
            {
                _now = key.Due;
            }

            if (item.Interval is { } interval)
            {
                _items.Enqueue(item, (_now + interval, _order++));
            }
        }

        told = item.Fire();
        return true;
    }

    protected override void InternalScheduleTellOnce(TimeSpan delay, ICanTell receiver, object message, IActorRef sender, ICancelable cancelable) =>
        Add(delay, null, VirtualScheduledItem.Tell(receiver, message, sender, cancelable));

    protected override void InternalScheduleTellRepeatedly(
        TimeSpan initialDelay, TimeSpan interval, ICanTell receiver, object message, IActorRef sender, ICancelable cancelable) =>
        Add(initialDelay, interval, VirtualScheduledItem.Tell(receiver, message, sender, cancelable));

    protected override void InternalScheduleOnce(TimeSpan delay, Action action, ICancelable cancelable) =>
        Add(delay, null, VirtualScheduledItem.Run(action, cancelable));

    protected override void InternalScheduleOnce(TimeSpan delay, IRunnable action, ICancelable cancelable) =>
        Add(delay, null, VirtualScheduledItem.Run(action.Run, cancelable));

    protected override void InternalScheduleRepeatedly(TimeSpan initialDelay, TimeSpan interval, Action action, ICancelable cancelable) =>
        Add(initialDelay, interval, VirtualScheduledItem.Run(action, cancelable));

    protected override void InternalScheduleRepeatedly(TimeSpan initialDelay, TimeSpan interval, IRunnable action, ICancelable cancelable) =>
        Add(initialDelay, interval, VirtualScheduledItem.Run(action.Run, cancelable));

    private void Add(TimeSpan delay, TimeSpan? interval, VirtualScheduledItem item)
    {
        lock (_gate)
        {
            var due = _now + (delay > TimeSpan.Zero ? delay : TimeSpan.Zero);
            _items.Enqueue(item with { Interval = interval is { } i && i > TimeSpan.Zero ? i : null }, (due, _order++));
        }
    }

    /// <summary>Cancelled items leave the queue as they reach its head, so <see cref="NextDue"/> never reports one.</summary>
    private void DropCancelled()
    {
        while (_items.TryPeek(out var head, out _) && head.IsCancelled)
        {
            _items.Dequeue();
        }
    }
}
