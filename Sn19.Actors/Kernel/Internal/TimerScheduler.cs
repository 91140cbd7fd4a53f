namespace Sn19.Actors.Kernel.Internal;

/// <summary>Keyed timers on the system's <see cref="TimeProvider"/> that post to one cell's mailbox.</summary>
internal sealed class TimerScheduler<TMessage> : ITimerScheduler<TMessage>
    where TMessage : class
{
    private readonly ActorCell<TMessage> _cell;
    private readonly Dictionary<string, Entry> _timers = new(StringComparer.Ordinal);

    public TimerScheduler(ActorCell<TMessage> cell) => _cell = cell;

    public void StartSingle(string key, TMessage message, TimeSpan delay) =>
        Start(key, message, delay, Timeout.InfiniteTimeSpan);

    public void StartPeriodic(string key, TMessage message, TimeSpan interval) =>
        StartPeriodic(key, message, interval, interval);

    public void StartPeriodic(string key, TMessage message, TimeSpan initialDelay, TimeSpan interval)
    {
        if (interval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(interval), interval, "A periodic timer needs a positive interval.");
        }

        Start(key, message, initialDelay, interval);
    }

    public bool IsActive(string key)
    {
        lock (_timers)
        {
            return _timers.TryGetValue(key, out var entry) && !entry.Fired;
        }
    }

    public void Cancel(string key)
    {
        lock (_timers)
        {
            if (_timers.Remove(key, out var entry))
            {
                entry.Dispose();
            }
        }
    }

    public void CancelAll()
    {
        lock (_timers)
        {
            foreach (var entry in _timers.Values)
            {
                entry.Dispose();
            }

            _timers.Clear();
        }
    }

    private void Start(string key, TMessage message, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(message);
        var entry = new Entry(_cell, message, period != Timeout.InfiniteTimeSpan);
        lock (_timers)
        {
            if (_timers.Remove(key, out var previous))
            {
                previous.Dispose();
            }

            _timers[key] = entry;
            entry.Arm(_cell.Time, dueTime < TimeSpan.Zero ? TimeSpan.Zero : dueTime, period);
        }
    }

    private sealed class Entry : IDisposable
    {
        private readonly ActorCell<TMessage> _cell;
        private readonly TMessage _message;
        private readonly bool _periodic;
        private ITimer? _timer;
        private volatile bool _cancelled;

        public Entry(ActorCell<TMessage> cell, TMessage message, bool periodic)
        {
            _cell = cell;
            _message = message;
            _periodic = periodic;
        }

        public bool Fired { get; private set; }

        public void Arm(TimeProvider time, TimeSpan dueTime, TimeSpan period) =>
            _timer = time.CreateTimer(static state => ((Entry)state!).Fire(), this, dueTime, period);

        public void Dispose()
        {
            _cancelled = true;
            _timer?.Dispose();
        }

        private void Fire()
        {
            if (_cancelled)
            {
                return;
            }

            if (_periodic)
            {
                _cell.Post(_message);
                return;
            }

            Fired = true;
            if (_cell.Post(_message) == TellResult.MailboxFull)
            {
                _ = _cell.PostAsync(_message, CancellationToken.None).AsTask();
            }
        }
    }
}
