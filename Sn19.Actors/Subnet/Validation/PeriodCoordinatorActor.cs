namespace Sn19.Actors.Subnet.Validation;

using Akka.Actor;
using Akka.Streams;
using Akka.Streams.Dsl;
using Microsoft.Extensions.Logging;
using Sn19.Actors.Hosting;
using Sn19.Actors.Mechanism;
using Sn19.Actors.Subnet.Contenders;
using Sn19.Actors.Subnet.Metagraphs;
using Sn19.Actors.Subnet.Tasks;
using Sn19.Actors.Subnet.Weights;

/// <summary>
/// Drives the scoring periods on Akka's timers (virtual in <c>sn19 simulate</c> and the tests). Per period:
///   1. at its start, read the metagraph: the miners are the neurons with an axon, this validator excepted;
///   2. ask every miner its capacity for this validator (in parallel, with a timeout);
///   3. open every (miner, task) contender with its declared capacity and a seeded share to test;
///   4. hand each task actor its contenders: it schedules and sends the synthetic queries, and routes organic ones;
///   5. at its end, let the waiting quality checks finish (a fifth of a period at most), close every contender
///      (its period score is kept), then have the weight setter run a round, and report the period.
/// A node that starts mid-period waits for the next one, and first closes any period a crash left open.
/// Each step runs to its end inside the actor (<c>ReceiveAsync</c>): a period never opens while the last closes.
/// </summary>
internal sealed class PeriodCoordinatorActor : ReceiveActor, IWithTimers, IDescribedActor
{
    private const string StepTimer = "period-step";
    private const string DrainTimer = "checks-drain";
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(30);

    private readonly PeriodCoordinatorParts _parts;
    private readonly PeriodClock _clock;
    private readonly ILogger _logger;
    private long? _open;
    private long? _closing;
    private int _closed;

    public PeriodCoordinatorActor(PeriodCoordinatorParts parts)
    {
        _parts = parts;
        _clock = new PeriodClock(parts.Settings.Mechanism.Period);
        _logger = parts.Logger;
        ReceiveAsync<OpenDue>(due => OpenAsync(due.Period));
        ReceiveAsync<CloseDue>(due => CloseDueAsync(due.Period));
        ReceiveAsync<ChecksSettled>(settled => settled.Period == _closing, settled => CloseAsync(settled.Period));
        Receive<ChecksSettled>(_ => { });
        Receive<DescribeActor>(_ => Sender.Tell(new ActorDescription(new { open = _open, closing = _closing, closed = _closed })));
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(PeriodCoordinatorParts parts) => Akka.Actor.Props.Create(() => new PeriodCoordinatorActor(parts));

    /// <summary>Resumes before any message is taken (the mailbox waits on <c>RunTask</c>), so whoever identifies the
    /// coordinator after starting it knows which period it waits for.</summary>
    protected override void PreStart() => RunTask(ResumeAsync);

    private DateTimeOffset Now => Context.System.Scheduler.Now;

    /// <summary>
    /// Picks up where a previous coordinator stopped (a restart, or a failover to this node): a period still running
    /// is opened again (idempotent) and taken over for the rest of its time; one whose time is over is closed at its end; a period that closed
    /// just now gets its weights round if it has none (the weight setter answers from its journal if it has);
    /// then it waits for the next period.
    /// </summary>
    private async Task ResumeAsync()
    {
        var contenders = _parts.Contenders;
        var now = Now;
        long? running = null;
        long? lastClosed = null;
        foreach (var key in await contenders.KeysAsync(CancellationToken.None))
        {
            var summary = await contenders.SummaryAsync(key, CancellationToken.None);
            if (summary.OpenPeriod is { } open && open != summary.LastClosedPeriod)
            {
                if (_clock.EndOf(open) > now)
                {
                    running = open;
                    continue;
                }

                summary = await contenders.CloseAsync(key, open, _clock.EndOf(open), CancellationToken.None);
            }

            lastClosed = Math.Max(lastClosed ?? long.MinValue, summary.LastClosedPeriod ?? long.MinValue);
        }

        if (running is { } period)
        {
            // Opening again is idempotent for the contenders already open, and opens those the coordinator before
            // had not reached yet (it may have died part-way through opening).
            await OpenAsync(period, resumeAt: now);
            return;
        }

        var current = _clock.IndexAt(now);
        if (lastClosed == current - 1)
        {
            await RoundAsync(current - 1);
        }

        WaitFor(current + 1);
    }

    private void WaitFor(long period)
    {
        var start = _clock.StartOf(period);
        _parts.Waiting?.Invoke(period, start);
        ValidatorLog.WaitingForPeriod(_logger, start - Now, period);
        Timers.StartSingleTimer(StepTimer, new OpenDue(period), Context.System.Scheduler.Until(start));
    }

    /// <summary>Opens <paramref name="period"/>; with <paramref name="resumeAt"/>, takes over one another coordinator opened,
    /// going on from that moment.</summary>
    private async Task OpenAsync(long period, DateTimeOffset? resumeAt = null)
    {
        var settings = _parts.Settings;
        var start = _clock.StartOf(period);
        await _parts.Metagraph.RefreshAsync(CancellationToken.None);
        var view = _parts.Metagraph.Current;
        var miners = view.Metagraph.Neurons
            .Where(n => n.Hotkey != settings.Hotkey && view.Axon(n.Hotkey) is not null)
            .Select(n => n.Hotkey)
            .ToArray();
        var declared = await FetchCapacitiesAsync(miners);
        var tiers = settings.Mechanism.OrderedTiers();
        var planned = 0;
        var opened = 0;
        foreach (var task in settings.Tasks.Enabled)
        {
            var summaries = new List<ContenderSummary>(miners.Length);
            foreach (var hotkey in miners)
            {
                var uniform = SeededRandom.Uniform(settings.Seed, period, SeededRandom.Key(hotkey), SeededRandom.Key(task.Id));
                var capacityOffered = declared.TryGetValue(hotkey, out var offer) && offer.TryGetValue(task.Id, out var c) ? c : 0;
                var opening = new PeriodOpening(
                    period, start, capacityOffered, task.MaxCapacity, ShareToTest.Draw(uniform, tiers), settings.Mechanism.CapacityToScoreMultiplier);
                summaries.Add(await _parts.Contenders.OpenAsync(new ContenderKey(hotkey, task.Id), opening, CancellationToken.None));
            }

            opened += summaries.Count;
            if (_parts.Tasks.TryGetValue(task.Id, out var actor))
            {
                var firstOffset = SeededRandom.Uniform(settings.Seed, period, SeededRandom.Key(task.Id));
                var routingSeed = unchecked((long)SeededRandom.Hash(settings.Seed, [period, SeededRandom.Key(task.Id), 1]));
                var begin = new BeginTaskPeriod(period, start, summaries, firstOffset, routingSeed) { ResumeAt = resumeAt };
                var begun = await actor.Ask<TaskSummary>(begin, AskTimeout);
                planned += begun.Planned;
            }
        }

        _open = period;
        if (resumeAt is null)
        {
            ValidatorLog.PeriodOpened(_logger, period, miners.Length, opened, planned);
        }
        else
        {
            ValidatorLog.PeriodTakenOver(_logger, period, opened);
        }

        Timers.StartSingleTimer(StepTimer, new CloseDue(period), Context.System.Scheduler.Until(_clock.EndOf(period)));
    }

    /// <summary>Every miner asked at once, at most 16 in flight; each answer (or its absence) kept as it arrives.</summary>
    private async Task<Dictionary<string, IReadOnlyDictionary<string, double>>> FetchCapacitiesAsync(string[] miners) =>
        await Source.From(miners)
            .SelectAsyncUnordered(16, async hotkey =>
            {
                var (capacities, error) = await _parts.Miners.FetchCapacityAsync(hotkey, CancellationToken.None);
                if (capacities is null)
                {
                    ValidatorLog.NoCapacity(_logger, hotkey, error ?? "no answer");
                }

                return (Hotkey: hotkey, Capacities: capacities);
            })
            .RunAggregate(
                new Dictionary<string, IReadOnlyDictionary<string, double>>(StringComparer.Ordinal),
                (offers, answer) =>
                {
                    if (answer.Capacities is not null)
                    {
                        offers[answer.Hotkey] = answer.Capacities;
                    }

                    return offers;
                },
                _parts.Materializer);

    /// <summary>Closes at once when no check is waiting; else when they finish or a fifth of a period has passed.</summary>
    private async Task CloseDueAsync(long period)
    {
        _closing = period;
        if (_parts.Checks.IsIdle)
        {
            await CloseAsync(period);
            return;
        }

        _ = _parts.Checks.Idle.PipeTo(Self, success: () => new ChecksSettled(period), failure: _ => new ChecksSettled(period));
        Timers.StartSingleTimer(DrainTimer, new ChecksSettled(period), _parts.Settings.Mechanism.Period / 5);
    }

    private async Task CloseAsync(long period)
    {
        Timers.Cancel(DrainTimer);
        _closing = null;
        _open = null;
        var end = _clock.EndOf(period);
        var rows = new List<ContenderPeriodRow>();
        var view = _parts.Metagraph.Current;
        foreach (var key in await _parts.Contenders.KeysAsync(CancellationToken.None))
        {
            var summary = await _parts.Contenders.CloseAsync(key, period, end, CancellationToken.None);
            if (summary.LastClosedPeriod != period)
            {
                continue;
            }

            var exempt = _parts.Settings.Tasks.Find(key.TaskId)?.QualitySquareExempt ?? false;
            var aggregate = await _parts.Contenders.AggregateAsync(key, end, exempt, CancellationToken.None);
            rows.Add(new ContenderPeriodRow(
                view.TryGetNeuron(key.Hotkey, out var neuron) ? neuron.Uid : null, key.Hotkey, key.TaskId,
                summary.DeclaredCapacity, summary.Capacity, summary.Queries - summary.RateLimited - summary.Failed,
                summary.RateLimited, summary.Failed, aggregate.Quality, aggregate.SpeedMetric, summary.LastScore));
        }

        var tasks = new List<TaskSummary>();
        foreach (var actor in _parts.Tasks.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => t.Value))
        {
            tasks.Add(await actor.Ask<TaskSummary>(GetTaskSummary.Instance, AskTimeout));
        }

        ValidatorLog.PeriodClosed(_logger, period);
        var round = await RoundAsync(period);
        _closed++;
        await _parts.Closed(new PeriodReport(period, _clock.StartOf(period), end, rows, tasks, round));
        if (_parts.Periods is not { } limit || _closed < limit)
        {
            WaitFor(period + 1);
        }
        else
        {
            _parts.Finished();
        }
    }

    /// <summary>The weights round of a closed period; a round waits on the chain and the signer, and a report
    /// without it (null: the ask timed out) still shows the period.</summary>
    private async Task<WeightHistoryEntry?> RoundAsync(long period)
    {
        try
        {
            return await _parts.Weights.Ask<WeightHistoryEntry>(new SetWeightsNow(period), AskTimeout);
        }
        catch (AskTimeoutException)
        {
            return null;
        }
    }

    private sealed record OpenDue(long Period);

    private sealed record CloseDue(long Period);

    /// <summary>The closing period's checks finished, or their time ran out.</summary>
    private sealed record ChecksSettled(long Period);
}
