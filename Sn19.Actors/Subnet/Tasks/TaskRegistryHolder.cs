namespace Sn19.Actors.Subnet.Tasks;

/// <summary>
/// Holds the registry in force for the current period and a staged replacement. A change never lands
/// mid-period (a task's schedule and contenders' budgets were built from the old set): it is staged and
/// swapped in by <see cref="BeginPeriod"/>. Thread-safe; readers see one consistent registry.
/// </summary>
internal sealed class TaskRegistryHolder(TaskRegistry initial)
{
    private readonly Lock _gate = new();
    private TaskRegistry _current = initial;
    private TaskRegistry? _staged;

    /// <summary>The registry of the running period.</summary>
    public TaskRegistry Current
    {
        get
        {
            lock (_gate)
            {
                return _current;
            }
        }
    }

    /// <summary>True when a change waits for the next period.</summary>
    public bool HasStagedChange
    {
        get
        {
            lock (_gate)
            {
                return _staged is not null;
            }
        }
    }

    /// <summary>Stages a new registry; the latest staged one wins.</summary>
    public void Stage(TaskRegistry next)
    {
        lock (_gate)
        {
            _staged = next;
        }
    }

    /// <summary>Called at each period start: applies a staged change and returns the registry in force.</summary>
    public TaskRegistry BeginPeriod()
    {
        lock (_gate)
        {
            if (_staged is not null)
            {
                _current = _staged;
                _staged = null;
            }

            return _current;
        }
    }
}
