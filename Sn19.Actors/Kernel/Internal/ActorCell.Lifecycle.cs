namespace Sn19.Actors.Kernel.Internal;

/// <summary>Start, restart with back-off, passivation and the ordered stop of one cell.</summary>
internal sealed partial class ActorCell<TMessage>
{
    private readonly Queue<DateTimeOffset> _recentFailures = new();

    private async Task IncarnateAsync()
    {
        // Each failed attempt goes through OnFailureAsync, which either schedules the next attempt (bounded by
        // MaxRestarts within the window) or gives up; so this loop ends.
        while (_instance is null && !_failed)
        {
            Actor<TMessage> instance;
            try
            {
                instance = _factory();
                instance.Bind(this);
                _instance = instance;
                await instance.RunStartedAsync(System.HardStopToken);
                Status = ActorStatus.Running;
                return;
            }
            catch (Exception error)
            {
                if (!await RecordFailureAsync(error))
                {
                    return;
                }
            }
        }
    }

    private async Task OnFailureAsync(Exception error)
    {
        if (await RecordFailureAsync(error))
        {
            await IncarnateAsync();
        }
    }

    /// <summary>
    /// Steps: (1) a <see cref="FatalActorException"/> or a failure beyond MaxRestarts in the window stops the
    /// actor (return false); (2) otherwise the instance goes away (StoppedAsync, children stopped, timers
    /// cancelled), (3) the back-off elapses on the system clock, and (4) the caller re-creates the instance.
    /// </summary>
    private async Task<bool> RecordFailureAsync(Exception error)
    {
        var now = Time.GetUtcNow();
        while (_recentFailures.Count > 0 && now - _recentFailures.Peek() > _supervision.Window)
        {
            _recentFailures.Dequeue();
        }

        if (error is FatalActorException || _recentFailures.Count >= _supervision.MaxRestarts)
        {
            KernelLog.ActorGaveUp(Logger, Path.ToString(), error.Message, error);
            _failed = true;
            _failure = error;
            CloseMailbox();
            await DisposeInstanceAsync();
            return false;
        }

        _recentFailures.Enqueue(now);
        var restart = Interlocked.Increment(ref _restarts);
        var backoff = _supervision.BackoffFor(_recentFailures.Count);
        Status = ActorStatus.Restarting;
        KernelLog.ActorRestarting(Logger, Path.ToString(), restart, backoff, error);
        await DisposeInstanceAsync();
        if (backoff > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(backoff, Time, System.HardStopToken);
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The instance goes away; the cell (path, mailbox, watchers) stays.</summary>
    private async Task DisposeInstanceAsync()
    {
        _timers.CancelAll();
        await StopChildrenAsync();
        var instance = _instance;
        _instance = null;
        if (instance is null)
        {
            return;
        }

        try
        {
            await instance.RunStoppedAsync(System.HardStopToken);
        }
        catch (Exception error)
        {
            KernelLog.HookFailed(Logger, Path.ToString(), "StoppedAsync", error);
        }
    }

    private async Task StopChildrenAsync()
    {
        var children = _children.Values.ToArray();
        if (children.Length == 0)
        {
            return;
        }

        foreach (var child in children)
        {
            child.RequestStop();
        }

        await Task.WhenAll(children.Select(c => c.Completion));
    }

    private async Task ProcessSignalsAsync()
    {
        _hasSignals = false;
        while (_signals.TryDequeue(out var signal))
        {
            switch (signal)
            {
                case DescribeSignal describe:
                    describe.Reply.TrySetResult(SummaryOrNull());
                    break;
                case PassivateCheck:
                    await PassivateIfIdleAsync();
                    break;
                default:
                    await DeliverSignalAsync(signal);
                    break;
            }
        }
    }

    private async Task DeliverSignalAsync(ActorSignal signal)
    {
        if (signal is Terminated terminated)
        {
            lock (_watching)
            {
                _watching.RemoveWhere(w => w.Path.Equals(terminated.Path));
            }
        }

        // A passivated instance has no children and is not re-created for a signal; it re-watches on start.
        if (_instance is null || _failed)
        {
            return;
        }

        try
        {
            await _instance.RunSignalAsync(signal, System.HardStopToken);
        }
        catch (Exception error)
        {
            await OnFailureAsync(error);
        }
    }

    private async Task PassivateIfIdleAsync()
    {
        if (_instance is null || _failed || _closed || !_children.IsEmpty || _mailbox.Reader.Count > 0)
        {
            return;
        }

        var last = Volatile.Read(ref _lastMessageTimestamp);
        var idle = Time.GetElapsedTime(last == NoMessageYet ? _createdTimestamp : last);
        if (idle < _passivateAfter)
        {
            return;
        }

        await DisposeInstanceAsync();
        Status = ActorStatus.Passivated;
        KernelLog.Passivated(Logger, Path.ToString(), idle);
    }

    /// <summary>
    /// Ordered stop: the mailbox is closed and drained by the loop before this runs (messages already
    /// accepted are processed, unless the actor failed), then children stop, then the instance, and only then
    /// are the parent and watchers told, so a parent always outlives its children.
    /// </summary>
    private async Task FinishAsync()
    {
        Status = ActorStatus.Stopping;
        CloseMailbox();
        _passivationTimer?.Dispose();
        try
        {
            await DisposeInstanceAsync();
        }
        catch (Exception error)
        {
            KernelLog.LoopFailed(Logger, Path.ToString(), error);
        }

        IActorCell[] watchers;
        lock (_watchers)
        {
            // Set under the lock so AddWatcher either registers before this copy or sees the reason.
            _stopReason = _failed ? Kernel.StopReason.Failed : Kernel.StopReason.Stopped;
            watchers = [.. _watchers];
            _watchers.Clear();
        }

        Status = ActorStatus.Stopped;
        var terminated = new Terminated(Path, _stopReason.Value, _failure);

        IActorCell[] watching;
        lock (_watching)
        {
            watching = [.. _watching];
            _watching.Clear();
        }

        foreach (var other in watching)
        {
            other.RemoveWatcher(this);
        }

        if (_parent is not null)
        {
            _parent.RemoveChild(this);
            _parent.Signal(terminated);
        }

        foreach (var watcher in watchers)
        {
            if (!ReferenceEquals(watcher, _parent))
            {
                watcher.Signal(terminated);
            }
        }

        _completion.TrySetResult();
    }
}
