namespace Sn19.Actors.Subnet.Validation;

using Akka;
using Akka.Actor;
using Akka.Streams;
using Akka.Streams.Dsl;
using Microsoft.Extensions.Logging;
using Sn19.Actors.Mechanism;
using Sn19.Actors.Subnet.Checks;
using Sn19.Actors.Subnet.Contenders;
using Sn19.Actors.Subnet.Tasks;

/// <summary>
/// Successful results waiting for a quality check: one reservoir per task (at most floor(1000 × weight)
/// results), drained by an Akka.Streams pipeline that takes, task by task in turn, the result of the miner
/// with the fewest checks in the look-back window, runs it through the checker pool and records the quality
/// in the contender:
/// <code>
///   Offer ──▶ reservoirs ──pull──▶ ReservoirSource ──▶ kill switch ──▶ SelectAsync(1, check) ──▶ Sink.Ignore
/// </code>
/// One check at a time, because a check is a batched prefill that already uses every core.
/// </summary>
internal sealed class CheckQueue
{
    private readonly Dictionary<string, CheckReservoir> _reservoirs;
    private readonly ICheckerPool _checkers;
    private readonly IContenderGateway _contenders;
    private readonly ITimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly WorkInFlight _waiting = new();
    private Action? _wake;
    private int _next;
    private long _checked;

    public CheckQueue(TaskRegistry tasks, MechanismOptions options, ICheckerPool checkers, IContenderGateway contenders, ITimeProvider time, ILogger logger)
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

    /// <summary>Completes when every accepted result has been checked: the period close waits on it (bounded) so
    /// weights see the quality of the period's last results.</summary>
    public Task Idle => _waiting.Idle;

    public bool IsIdle => _waiting.IsIdle;

    public void Offer(CheckCandidate candidate)
    {
        Action? wake;
        lock (_gate)
        {
            if (!_reservoirs.TryGetValue(candidate.TaskId, out var reservoir) || !reservoir.Offer(candidate))
            {
                return;
            }

            _waiting.Start();
            wake = _wake;
        }

        wake?.Invoke();
    }

    /// <summary>Runs the checks on <paramref name="materializer"/> until cancelled; unchecked results are then
    /// dropped (their queries still count for volume and score).</summary>
    public async Task RunAsync(IMaterializer materializer, CancellationToken cancellationToken)
    {
        var (stop, done) = Source.FromGraph(new ReservoirSource(Take, wake => { lock (_gate) { _wake = wake; } }))
            .ViaMaterialized(KillSwitches.Single<CheckCandidate>(), Keep.Right)
            .SelectAsync(1, candidate => CheckAsync(candidate, cancellationToken))
            .ToMaterialized(Sink.Ignore<NotUsed>(), Keep.Both)
            .Run(materializer);
        await using (cancellationToken.Register(stop.Shutdown))
        {
            await done;
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
                if (reservoir.Take(_time.Now) is { } candidate)
                {
                    _next = (_next + i + 1) % reservoirs.Length;
                    return candidate;
                }
            }

            return null;
        }
    }

    private async Task<NotUsed> CheckAsync(CheckCandidate candidate, CancellationToken cancellationToken)
    {
        try
        {
            await RunCheckAsync(candidate, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            _waiting.End();
        }

        return NotUsed.Instance;
    }

    private async Task RunCheckAsync(CheckCandidate candidate, CancellationToken cancellationToken)
    {
        using var scope = ContenderLogScope.Begin(_logger, candidate.Hotkey, candidate.TaskId, candidate.QueryId);
        CheckVerdict verdict;
        try
        {
            verdict = await _checkers.CheckAsync(candidate, cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // A checker bug must not stop checking the other miners; the result stays unchecked.
            ValidatorLog.CheckCrashed(_logger, error, candidate.Hotkey, candidate.TaskId);
            Telemetry.Sn19Metrics.CheckSkipped(candidate.TaskId);
            return;
        }

        if (!verdict.Checked)
        {
            Telemetry.Sn19Metrics.CheckSkipped(candidate.TaskId);
            return;
        }

        lock (_gate)
        {
            _reservoirs[candidate.TaskId].CountCheck(candidate.Hotkey, _time.Now);
        }

        Interlocked.Increment(ref _checked);
        ValidatorLog.Checked(_logger, candidate.QueryId, candidate.Hotkey, candidate.TaskId, verdict.Quality, verdict.Reason ?? "");
        Telemetry.Sn19Metrics.Check(candidate.TaskId, verdict.Quality);
        await _contenders.RecordQualityAsync(new ContenderKey(candidate.Hotkey, candidate.TaskId), candidate.QueryId, verdict.Quality, cancellationToken);
    }
}
