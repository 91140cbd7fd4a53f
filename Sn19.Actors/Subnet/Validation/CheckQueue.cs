namespace Sn19.Actors.Subnet.Validation;

using Microsoft.Extensions.Logging;
using Sn19.Actors.Mechanism;
using Sn19.Actors.Subnet.Checks;
using Sn19.Actors.Subnet.Contenders;
using Sn19.Actors.Subnet.Tasks;

/// <summary>
/// Successful results waiting for a quality check: one reservoir per task (at most floor(1000 × weight)
/// results), drained by one worker that takes, task by task in turn, the result of the miner with the
/// fewest checks in the look-back window, runs it through the checker pool and records the quality in
/// the contender. One worker, because a check is a batched prefill that already uses every core.
/// </summary>
internal sealed class CheckQueue
{
    private readonly Dictionary<string, CheckReservoir> _reservoirs;
    private readonly ICheckerPool _checkers;
    private readonly IContenderGateway _contenders;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _offered = new(0);
    private readonly Lock _gate = new();
    private int _next;
    private int _inFlight;
    private long _checked;

    public CheckQueue(TaskRegistry tasks, MechanismOptions options, ICheckerPool checkers, IContenderGateway contenders, TimeProvider time, ILogger logger)
    {
        _reservoirs = tasks.Enabled.ToDictionary(
            t => t.Id, t => new CheckReservoir(t.Id, t.Weight, options.ReservoirPerWeight, options.QualityLookBack), StringComparer.Ordinal);
        _checkers = checkers;
        _contenders = contenders;
        _time = time;
        _logger = logger;
    }

    /// <summary>Checks run so far.</summary>
    public long Checked => Interlocked.Read(ref _checked);

    /// <summary>Nothing waits in a reservoir and no check is running.</summary>
    public bool IsIdle
    {
        get
        {
            lock (_gate)
            {
                return _inFlight == 0 && _reservoirs.Values.All(r => r.Count == 0);
            }
        }
    }

    /// <summary>
    /// Waits until every offered result is checked, or <paramref name="limit"/> passes: weights computed
    /// straight after a period would otherwise miss the quality of its last results.
    /// </summary>
    public async Task DrainAsync(TimeSpan limit, CancellationToken cancellationToken)
    {
        var deadline = _time.GetUtcNow() + limit;
        while (!IsIdle && _time.GetUtcNow() < deadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), _time, cancellationToken);
        }
    }

    public void Offer(CheckCandidate candidate)
    {
        bool accepted;
        lock (_gate)
        {
            accepted = _reservoirs.TryGetValue(candidate.TaskId, out var reservoir) && reservoir.Offer(candidate);
        }

        if (accepted)
        {
            _offered.Release();
        }
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await _offered.WaitAsync(cancellationToken);
                if (Take() is { } candidate)
                {
                    await CheckAsync(candidate, cancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: unchecked results are dropped; their queries still count for volume and score.
        }
    }

    private CheckCandidate? Take()
    {
        lock (_gate)
        {
            var reservoirs = _reservoirs.Values.ToArray();
            for (var i = 0; i < reservoirs.Length; i++)
            {
                var reservoir = reservoirs[(_next + i) % reservoirs.Length];
                if (reservoir.Take(_time.GetUtcNow()) is { } candidate)
                {
                    _inFlight++;
                    _next = (_next + i + 1) % reservoirs.Length;
                    return candidate;
                }
            }

            return null;
        }
    }

    private async Task CheckAsync(CheckCandidate candidate, CancellationToken cancellationToken)
    {
        try
        {
            await RunCheckAsync(candidate, cancellationToken);
        }
        finally
        {
            lock (_gate)
            {
                _inFlight--;
            }
        }
    }

    private async Task RunCheckAsync(CheckCandidate candidate, CancellationToken cancellationToken)
    {
        CheckVerdict verdict;
        try
        {
            verdict = await _checkers.CheckAsync(candidate, cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // A checker bug must not stop checking the other miners; the result stays unchecked.
            ValidatorLog.CheckCrashed(_logger, error, candidate.Hotkey, candidate.TaskId);
            return;
        }

        if (!verdict.Checked)
        {
            return;
        }

        lock (_gate)
        {
            _reservoirs[candidate.TaskId].CountCheck(candidate.Hotkey, _time.GetUtcNow());
        }

        Interlocked.Increment(ref _checked);
        ValidatorLog.Checked(_logger, candidate.QueryId, candidate.Hotkey, candidate.TaskId, verdict.Quality, verdict.Reason ?? "");
        await _contenders.RecordQualityAsync(new ContenderKey(candidate.Hotkey, candidate.TaskId), candidate.QueryId, verdict.Quality, cancellationToken);
    }
}
