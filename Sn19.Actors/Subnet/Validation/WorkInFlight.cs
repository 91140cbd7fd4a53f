namespace Sn19.Actors.Subnet.Validation;

/// <summary>
/// Counts work handed to a pipeline stage and not yet finished, and tells when it drops to none: the period
/// close waits on it for the last checks, and the virtual-time driver to know a step has settled.
/// </summary>
internal sealed class WorkInFlight
{
    private readonly Lock _gate = new();
    private TaskCompletionSource _idle = Done();
    private int _count;

    public bool IsIdle
    {
        get
        {
            lock (_gate)
            {
                return _count == 0;
            }
        }
    }

    /// <summary>Completes when nothing is in flight (at once when nothing is now).</summary>
    public Task Idle
    {
        get
        {
            lock (_gate)
            {
                return _idle.Task;
            }
        }
    }

    public void Start()
    {
        lock (_gate)
        {
            if (_count++ == 0)
            {
                _idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }

    public void End()
    {
        TaskCompletionSource? idle = null;
        lock (_gate)
        {
            if (--_count == 0)
            {
                idle = _idle;
            }
        }

        idle?.TrySetResult();
    }

    private static TaskCompletionSource Done()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        done.SetResult();
        return done;
    }
}
