namespace Sn19.Actors.Subnet.Simulation;

using Sn19.Actors.Mechanism;
using Sn19.Actors.Subnet.Checks;
using Sn19.Actors.Subnet.Contenders;
using Sn19.Actors.Subnet.Tasks;
using Sn19.Actors.Subnet.Weights;

/// <summary>
/// Runs the mechanism against scripted miners on a fake clock. Per period:
///   1. every miner's contenders open the period (declared capacity, seeded share to test);
///   2. each task builds its synthetic schedule; organic demand arrives evenly spread;
///   3. events in time order: an organic request goes to a miner with capacity left (chosen in
///      proportion to capacity, up to N tries) and cancels one pending synthetic; a due synthetic goes
///      deficit first; every ok result passes the check reservoir to the checker pool;
///   4. contenders close the period; the weights round runs on the metagraph (uid = file order).
/// Resumable: contender commands are idempotent and query ids increase, so after a crash the runner
/// replays the period's bookkeeping and only sends what the contenders have not recorded.
/// </summary>
internal sealed class SimulationRunner
{
    /// <summary>Simulated time starts here so runs are comparable.</summary>
    public static readonly DateTimeOffset Epoch = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private const long ShareDraw = 1;
    private const long FirstOffsetDraw = 2;
    private const long OrganicOffsetDraw = 3;
    private const long RouteDraw = 4;
    private const long TokensDraw = 5;
    private const int AttemptsPerEvent = 4;

    private readonly Scenario _scenario;
    private readonly MechanismOptions _options;
    private readonly long _seed;
    private readonly IContenderGateway _contenders;
    private readonly SimulationClock _clock;
    private readonly TaskRegistryHolder _tasks;
    private readonly Dictionary<string, ScriptedMiner> _miners;
    private readonly List<NeuronIdentity> _metagraph;
    private readonly ICheckerPool _checkers;
    private readonly Dictionary<string, CheckReservoir> _reservoirs = new(StringComparer.Ordinal);

    public SimulationRunner(Scenario scenario, TaskRegistry registry, MechanismOptions options, long seed, IContenderGateway contenders, SimulationClock clock)
    {
        _scenario = scenario;
        _options = options;
        _seed = seed;
        _contenders = contenders;
        _clock = clock;
        _tasks = new TaskRegistryHolder(registry);
        _miners = scenario.Miners.ToDictionary(m => m.Name, m => new ScriptedMiner(m, seed), StringComparer.Ordinal);
        _metagraph = [.. scenario.Miners.Select((m, i) => new NeuronIdentity((ushort)i, m.Name))];
        _checkers = new ModelShardedCheckerPool(registry.All.Select(t => t.Model).Distinct(StringComparer.Ordinal)
            .Select(model => new ScriptedChecker(model, _miners)));
    }

    /// <summary>Called before each event of a period (period, event index); the crash test halts a run here.</summary>
    public Func<long, int, CancellationToken, Task>? BeforeEvent { get; init; }

    /// <summary>Runs periods [0, periods); periods already closed by every contender (a resumed run) are skipped.</summary>
    public async Task<IReadOnlyList<PeriodReport>> RunAsync(int periods, Action<PeriodReport>? onPeriod, CancellationToken cancellationToken)
    {
        var reports = new List<PeriodReport>();
        for (long p = 0; p < periods; p++)
        {
            if (await RunPeriodAsync(p, cancellationToken) is { } report)
            {
                reports.Add(report);
                onPeriod?.Invoke(report);
            }
        }

        return reports;
    }

    /// <summary>The weights as they stand at the end of period <paramref name="period"/>.</summary>
    public async Task<WeightRoundRecord> WeightsAsync(long period, CancellationToken cancellationToken)
    {
        var registry = _tasks.Current;
        var at = PeriodStart(period) + _options.Period;
        var aggregates = new List<ContenderAggregate>();
        foreach (var key in await _contenders.KeysAsync(cancellationToken))
        {
            var summary = await _contenders.SummaryAsync(key, cancellationToken);
            if (registry.FindEnabled(key.TaskId) is { } task && summary.LastClosedPeriod == period)
            {
                aggregates.Add(await _contenders.AggregateAsync(key, at, task.QualitySquareExempt, cancellationToken));
            }
        }

        return WeightRound.Compute(period, at, registry.Weights, aggregates, _metagraph, _options);
    }

    private DateTimeOffset PeriodStart(long period) => Epoch + (_options.Period * period);

    private async Task<PeriodReport?> RunPeriodAsync(long p, CancellationToken ct)
    {
        var registry = _tasks.BeginPeriod();
        var start = PeriodStart(p);
        var end = start + _options.Period;
        _clock.AdvanceTo(start);
        var tiers = _options.OrderedTiers();

        // 1. Open contenders (idempotent on resume).
        var members = new Dictionary<string, Dictionary<string, ContenderSummary>>(StringComparer.Ordinal);
        var alreadyDone = true;
        foreach (var task in registry.Enabled)
        {
            var byHotkey = new Dictionary<string, ContenderSummary>(StringComparer.Ordinal);
            foreach (var miner in _miners.Values.OrderBy(m => m.Hotkey, StringComparer.Ordinal))
            {
                var declared = miner.Declared(task.Id, p);
                if (declared <= 0)
                {
                    continue;
                }

                var share = ShareToTest.Draw(SeededRandom.Uniform(_seed, ShareDraw, p, SeededRandom.Key(task.Id), SeededRandom.Key(miner.Hotkey)), tiers);
                var summary = await _contenders.OpenAsync(
                    new ContenderKey(miner.Hotkey, task.Id),
                    new PeriodOpening(p, start, declared, task.MaxCapacity, share, _options.CapacityToScoreMultiplier), ct);
                byHotkey[miner.Hotkey] = summary;
                alreadyDone &= summary.LastClosedPeriod >= p;
            }

            members[task.Id] = byHotkey;
        }

        if (alreadyDone && members.Values.Any(m => m.Count > 0))
        {
            return null;
        }

        // 2. Schedules and organic arrivals; 3. events in time order.
        var schedules = new Dictionary<string, TaskSchedule>(StringComparer.Ordinal);
        var events = new List<SimulationEvent>();
        foreach (var task in registry.Enabled)
        {
            var byHotkey = members[task.Id];
            var schedule = TaskSchedule.Build(task.Id, start, _options.Period, byHotkey.Values.Sum(c => c.CapacityToScore),
                task.VolumePerRequest, SeededRandom.Uniform(_seed, FirstOffsetDraw, p, SeededRandom.Key(task.Id)));
            schedules[task.Id] = schedule;
            for (var k = 0; k < schedule.Requests; k++)
            {
                var due = schedule.NextDue + (schedule.Interval * k);
                if (due < end)
                {
                    events.Add(new SimulationEvent(due, SimulationEventKind.Synthetic, task.Id, k));
                }
            }

            var meanTokens = (_scenario.TokensPerRequest.Min + _scenario.TokensPerRequest.Max) / 2;
            var organic = (int)Math.Floor(_scenario.OrganicLoad * byHotkey.Values.Sum(c => c.Capacity) / meanTokens);
            var offset = SeededRandom.Uniform(_seed, OrganicOffsetDraw, p, SeededRandom.Key(task.Id));
            for (var k = 0; k < organic; k++)
            {
                events.Add(new SimulationEvent(start + (_options.Period * ((k + offset) / organic)), SimulationEventKind.Organic, task.Id, k));
            }
        }

        events.Sort();
        var lastApplied = members.Values.SelectMany(m => m.Values)
            .Where(c => c.OpenPeriod == p || c.LastClosedPeriod == p)
            .Select(c => c.LastQueryId)
            .DefaultIfEmpty(-1)
            .Max();
        await RefillReservoirsAsync(registry, members, ct);
        for (var e = 0; e < events.Count; e++)
        {
            var ev = events[e];
            if (BeforeEvent is { } hook)
            {
                await hook(p, e, ct);
            }

            _clock.AdvanceTo(ev.At);
            var task = registry.FindEnabled(ev.TaskId)!;
            var schedule = schedules[ev.TaskId];
            var byHotkey = members[ev.TaskId];
            var first = (long)e * AttemptsPerEvent;
            if (ev.Kind == SimulationEventKind.Organic)
            {
                schedule.OnOrganic();
                if (lastApplied < first + AttemptsPerEvent)
                {
                    await OrganicAsync(task, p, e, ev.At, byHotkey, lastApplied, ct);
                }
            }
            else if (schedule.IsDue(ev.At) && schedule.TakeDue() && lastApplied < first)
            {
                if (TaskSchedule.Choose(byHotkey.Values, task.VolumePerRequest) is { } chosen)
                {
                    await QueryAsync(task, p, first, ev.At, organic: false, chosen.Hotkey, byHotkey, ct);
                }
            }
        }

        // 4. Close, then weights.
        _clock.AdvanceTo(end);
        var rows = new List<ContenderRow>();
        foreach (var (taskId, byHotkey) in members.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            foreach (var hotkey in byHotkey.Keys.Order(StringComparer.Ordinal).ToList())
            {
                var summary = await _contenders.CloseAsync(new ContenderKey(hotkey, taskId), p, end, ct);
                rows.Add(new ContenderRow(hotkey, taskId, summary.Capacity, summary.CapacityToScore, summary.Queries,
                    summary.RateLimited, summary.Failed, summary.Consumed, summary.LastScore));
            }
        }

        var scheduleRows = schedules.Values.OrderBy(s => s.TaskId, StringComparer.Ordinal)
            .Select(s => new ScheduleRow(s.TaskId, s.Requests, s.Sent, s.Cancelled, s.Organic)).ToList();
        return new PeriodReport(p, rows, scheduleRows, await WeightsAsync(p, ct));
    }

    private async Task OrganicAsync(
        TaskDefinition task, long p, int e, DateTimeOffset at, Dictionary<string, ContenderSummary> byHotkey, long lastApplied, CancellationToken ct)
    {
        var first = (long)e * AttemptsPerEvent;
        var tried = new HashSet<string>(StringComparer.Ordinal);
        var startAttempt = 0;
        if (lastApplied >= first)
        {
            // Resuming inside this event: the tries already recorded are known from the contenders.
            foreach (var c in byHotkey.Values.Where(c => c.LastQueryId >= first))
            {
                tried.Add(c.Hotkey);
                if (c.LastQueryId == lastApplied && c.LastOutcome == QueryOutcomeKind.Ok)
                {
                    return;
                }
            }

            startAttempt = (int)(lastApplied - first) + 1;
        }

        for (var attempt = startAttempt; attempt < Math.Min(_scenario.OrganicAttempts, AttemptsPerEvent); attempt++)
        {
            var candidates = byHotkey.Values
                .Where(c => c.HasCapacityLeft && !tried.Contains(c.Hotkey))
                .OrderBy(c => c.Hotkey, StringComparer.Ordinal)
                .ToList();
            if (candidates.Count == 0)
            {
                return;
            }

            var pick = SeededRandom.Uniform(_seed, RouteDraw, p, SeededRandom.Key(task.Id), e, attempt) * candidates.Sum(c => c.Capacity);
            var chosen = candidates[^1];
            foreach (var c in candidates)
            {
                pick -= c.Capacity;
                if (pick < 0)
                {
                    chosen = c;
                    break;
                }
            }

            tried.Add(chosen.Hotkey);
            var outcome = await QueryAsync(task, p, first + attempt, at, organic: true, chosen.Hotkey, byHotkey, ct);
            if (outcome == QueryOutcomeKind.Ok)
            {
                return;
            }
        }
    }

    private async Task<QueryOutcomeKind> QueryAsync(
        TaskDefinition task, long p, long queryId, DateTimeOffset at, bool organic, string hotkey,
        Dictionary<string, ContenderSummary> byHotkey, CancellationToken ct)
    {
        var miner = _miners[hotkey];
        var tokens = Math.Round(_scenario.TokensPerRequest.Draw(SeededRandom.Uniform(_seed, TokensDraw, p, SeededRandom.Key(task.Id), queryId)));
        var outcome = miner.Respond(task.Id, p, queryId, tokens, byHotkey[hotkey].Consumed, task.Timeout);
        var key = new ContenderKey(hotkey, task.Id);
        byHotkey[hotkey] = await _contenders.RecordAsync(key, queryId, at, organic, outcome, ct);
        if (outcome.Kind == QueryOutcomeKind.Ok)
        {
            Reservoir(task).Offer(new CheckCandidate(hotkey, task.Id, task.Model, queryId, at, "", ""));
            await DrainAsync(task, byHotkey, ct);
        }

        return outcome.Kind;
    }

    private async Task RefillReservoirsAsync(TaskRegistry registry, Dictionary<string, Dictionary<string, ContenderSummary>> members, CancellationToken ct)
    {
        foreach (var task in registry.Enabled)
        {
            foreach (var hotkey in members[task.Id].Keys.Order(StringComparer.Ordinal))
            {
                foreach (var pending in await _contenders.PendingAsync(new ContenderKey(hotkey, task.Id), ct))
                {
                    Reservoir(task).Offer(new CheckCandidate(hotkey, task.Id, task.Model, pending.QueryId, pending.At, "", ""));
                }
            }

            await DrainAsync(task, members[task.Id], ct);
        }
    }

    private async Task DrainAsync(TaskDefinition task, Dictionary<string, ContenderSummary> byHotkey, CancellationToken ct)
    {
        var reservoir = Reservoir(task);
        while (reservoir.Take(_clock.GetUtcNow()) is { } candidate)
        {
            var verdict = await _checkers.CheckAsync(candidate, ct);
            if (verdict.Checked)
            {
                reservoir.CountCheck(candidate.Hotkey, _clock.GetUtcNow());
                byHotkey[candidate.Hotkey] = await _contenders.RecordQualityAsync(
                    new ContenderKey(candidate.Hotkey, candidate.TaskId), candidate.QueryId, verdict.Quality, ct);
            }
        }
    }

    private CheckReservoir Reservoir(TaskDefinition task)
    {
        if (!_reservoirs.TryGetValue(task.Id, out var reservoir))
        {
            reservoir = new CheckReservoir(task.Id, task.Weight, _options.ReservoirPerWeight, _options.QualityLookBack);
            _reservoirs[task.Id] = reservoir;
        }

        return reservoir;
    }
}
