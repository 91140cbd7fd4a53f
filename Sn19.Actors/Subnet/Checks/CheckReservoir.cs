namespace Sn19.Actors.Subnet.Checks;

/// <summary>
/// Results of one task waiting for a check (reference §6.1–§6.2): at most floor(per-weight × task weight)
/// are kept (a full reservoir turns new results away); the next one checked belongs to the miner with the
/// fewest checks in the look-back window, oldest result first among equals. Not thread-safe: one owner.
/// </summary>
internal sealed class CheckReservoir
{
    private readonly List<CheckCandidate> _waiting = [];
    private readonly Dictionary<string, Queue<DateTimeOffset>> _checks = new(StringComparer.Ordinal);
    private readonly TimeSpan _lookBack;

    public CheckReservoir(string taskId, double taskWeight, int perWeight, TimeSpan lookBack)
    {
        TaskId = taskId;
        Capacity = (int)Math.Floor(perWeight * Math.Max(taskWeight, 0));
        _lookBack = lookBack;
    }

    public string TaskId { get; }

    /// <summary>floor(1000 × weight) with the defaults: 100 for a task of weight 0.10.</summary>
    public int Capacity { get; }

    public int Count => _waiting.Count;

    /// <summary>Adds a result unless the reservoir is full or already holds it.</summary>
    public bool Offer(CheckCandidate candidate)
    {
        if (_waiting.Count >= Capacity || _waiting.Exists(c => c.QueryId == candidate.QueryId && c.Hotkey == candidate.Hotkey))
        {
            return false;
        }

        _waiting.Add(candidate);
        return true;
    }

    /// <summary>Removes and returns the next result to check, or null when empty.</summary>
    public CheckCandidate? Take(DateTimeOffset now)
    {
        if (_waiting.Count == 0)
        {
            return null;
        }

        var best = 0;
        var bestChecks = ChecksOf(_waiting[0].Hotkey, now);
        for (var i = 1; i < _waiting.Count; i++)
        {
            var checks = ChecksOf(_waiting[i].Hotkey, now);
            if (checks < bestChecks)
            {
                best = i;
                bestChecks = checks;
            }
        }

        var chosen = _waiting[best];
        _waiting.RemoveAt(best);
        return chosen;
    }

    /// <summary>Counts a finished check towards its miner (call when a verdict arrives).</summary>
    public void CountCheck(string hotkey, DateTimeOffset at)
    {
        if (!_checks.TryGetValue(hotkey, out var times))
        {
            times = new Queue<DateTimeOffset>();
            _checks[hotkey] = times;
        }

        times.Enqueue(at);
    }

    public int ChecksOf(string hotkey, DateTimeOffset now)
    {
        if (!_checks.TryGetValue(hotkey, out var times))
        {
            return 0;
        }

        while (times.Count > 0 && times.Peek() < now - _lookBack)
        {
            times.Dequeue();
        }

        return times.Count;
    }
}
