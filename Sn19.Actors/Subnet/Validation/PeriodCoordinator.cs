namespace Sn19.Actors.Subnet.Validation;

using Microsoft.Extensions.Logging;
using Sn19.Actors.Chain;
using Akka.Actor;
using Akka.Streams;
using Akka.Streams.Dsl;
using Sn19.Actors.Mechanism;
using Sn19.Actors.Subnet.Contenders;
using Sn19.Actors.Subnet.Metagraphs;
using Sn19.Actors.Subnet.Tasks;
using Sn19.Actors.Subnet.Weights;
using Sn19.Actors.Wire.Queries;

/// <summary>
/// Drives scoring periods in real time. For each period:
///   1. read the metagraph; the miners are the neurons with an axon, this validator excepted;
///   2. ask every miner its capacity for this validator (in parallel, with a timeout);
///   3. open every (miner, task) contender with its declared capacity and a seeded share to test;
///   4. hand each task actor its contenders: it schedules and sends the synthetic queries;
///   5. at the period's end let the waiting quality checks finish (bounded), close every contender (its
///      period score is kept), then set weights.
/// A node that starts mid-period waits for the next one, and first closes any period a crash left open.
/// </summary>
internal sealed class PeriodCoordinator(
    ValidatorSettings settings,
    MetagraphWatcher metagraph,
    CapacityClient capacity,
    IContenderGateway contenders,
    CheckQueue checks,
    IReadOnlyDictionary<string, IActorRef> tasks,
    IActorRef weights,
    IMaterializer materializer,
    TimeProvider time,
    ILogger logger)
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(30);
    private readonly PeriodClock _clock = new(settings.Mechanism.Period);

    /// <summary>Called with every closed period's report (the live table).</summary>
    public Func<PeriodReport, Task>? PeriodClosed { get; init; }

    /// <summary>Called before waiting for a period to start.</summary>
    public Action<long, DateTimeOffset>? WaitingForPeriod { get; init; }

    /// <summary>Runs <paramref name="periods"/> periods (all of them when null) and returns.</summary>
    public async Task RunAsync(int? periods, CancellationToken cancellationToken)
    {
        await CloseLeftOpenAsync(cancellationToken);
        var period = _clock.IndexAt(time.GetUtcNow()) + 1;
        for (var done = 0; periods is null || done < periods; done++, period++)
        {
            var start = _clock.StartOf(period);
            WaitingForPeriod?.Invoke(period, start);
            ValidatorLog.WaitingForPeriod(logger, start - time.GetUtcNow(), period);
            await WaitUntilAsync(start, cancellationToken);
            await OpenAsync(period, start, cancellationToken);
            await WaitUntilAsync(_clock.EndOf(period), cancellationToken);
            var report = await CloseAsync(period, cancellationToken);
            if (PeriodClosed is { } callback)
            {
                await callback(report);
            }
        }
    }

    private async Task OpenAsync(long period, DateTimeOffset start, CancellationToken cancellationToken)
    {
        await metagraph.RefreshAsync(cancellationToken);
        var view = metagraph.Current;
        var miners = view.Metagraph.Neurons
            .Where(n => n.Hotkey != settings.Hotkey && view.Axon(n.Hotkey) is not null)
            .Select(n => n.Hotkey)
            .ToArray();
        var declared = await FetchCapacitiesAsync(view, miners, cancellationToken);
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
                summaries.Add(await contenders.OpenAsync(new ContenderKey(hotkey, task.Id), opening, cancellationToken));
            }

            opened += summaries.Count;
            if (tasks.TryGetValue(task.Id, out var actor))
            {
                var firstOffset = SeededRandom.Uniform(settings.Seed, period, SeededRandom.Key(task.Id));
                var begun = await actor.Ask<TaskSummary>(new BeginTaskPeriod(period, start, summaries, firstOffset), AskTimeout, cancellationToken);
                planned += begun.Planned;
            }
        }

        ValidatorLog.PeriodOpened(logger, period, miners.Length, opened, planned);
    }

    private async Task<Dictionary<string, IReadOnlyDictionary<string, double>>> FetchCapacitiesAsync(
        MetagraphView view, string[] miners, CancellationToken cancellationToken)
    {
        // Every miner asked at once, at most 16 in flight; each answer (or its absence) is kept as it arrives.
        return await Source.From(miners)
            .SelectAsyncUnordered(16, async hotkey =>
            {
                var (capacities, error) = await capacity.FetchAsync(view.Axon(hotkey)!, hotkey, cancellationToken);
                if (capacities is null)
                {
                    ValidatorLog.NoCapacity(logger, hotkey, error ?? "no answer");
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
                materializer)
            .WaitAsync(cancellationToken);
    }

    private async Task<PeriodReport> CloseAsync(long period, CancellationToken cancellationToken)
    {
        var end = _clock.EndOf(period);
        // Let the period's last results be checked (a fifth of a period at most) so its weights see their quality.
        await checks.DrainAsync(settings.Mechanism.Period / 5, cancellationToken);
        var rows = new List<ContenderPeriodRow>();
        var view = metagraph.Current;
        foreach (var key in await contenders.KeysAsync(cancellationToken))
        {
            var summary = await contenders.CloseAsync(key, period, end, cancellationToken);
            if (summary.LastClosedPeriod != period)
            {
                continue;
            }

            var exempt = settings.Tasks.Find(key.TaskId)?.QualitySquareExempt ?? false;
            var aggregate = await contenders.AggregateAsync(key, end, exempt, cancellationToken);
            rows.Add(new ContenderPeriodRow(
                view.TryGetNeuron(key.Hotkey, out var neuron) ? neuron.Uid : null, key.Hotkey, key.TaskId,
                summary.DeclaredCapacity, summary.Capacity, summary.Queries - summary.RateLimited - summary.Failed,
                summary.RateLimited, summary.Failed, aggregate.Quality, aggregate.SpeedMetric, summary.LastScore));
        }

        ValidatorLog.PeriodClosed(logger, period);
        // A round waits on the chain and the signer; a report without it still shows the period.
        WeightHistoryEntry? round;
        try
        {
            round = await weights.Ask<WeightHistoryEntry>(SetWeightsNow.Instance, AskTimeout, cancellationToken);
        }
        catch (AskTimeoutException)
        {
            round = null;
        }

        return new PeriodReport(period, _clock.StartOf(period), end, rows, round);
    }

    /// <summary>Closes, at their own end, the periods a previous run opened and never closed.</summary>
    private async Task CloseLeftOpenAsync(CancellationToken cancellationToken)
    {
        foreach (var key in await contenders.KeysAsync(cancellationToken))
        {
            var summary = await contenders.SummaryAsync(key, cancellationToken);
            if (summary.OpenPeriod is { } open && open != summary.LastClosedPeriod)
            {
                await contenders.CloseAsync(key, open, _clock.EndOf(open), cancellationToken);
            }
        }
    }

    private async Task WaitUntilAsync(DateTimeOffset at, CancellationToken cancellationToken)
    {
        var wait = at - time.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken);
        }
    }
}
