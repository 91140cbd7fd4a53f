namespace Sn19.Actors.Subnet.Contenders;

using Sn19.Actors.Mechanism;

/// <summary>
/// The event-sourced state of one contender. Decisions (<c>Decide*</c>) return the event to persist or
/// null when there is nothing to do (idempotent: a replayed command after a crash is a no-op);
/// <see cref="Apply"/> is the only mutator and is used both live and on recovery.
/// </summary>
internal sealed class ContenderState(ContenderKey key)
{
    /// <summary>Unchecked results kept for refilling the reservoir after a restart; older ones are dropped.</summary>
    public const int MaxPending = 64;

    private readonly List<PeriodRecord> _history = [];
    private readonly List<QualitySample> _samples = [];
    private readonly List<PendingCheck> _pending = [];

    /// <summary>The ids recorded in the open period. Queries run concurrently and end in any order, so an id below
    /// the last one may still be new; only an id seen before is a repeat (a record retried after a timeout).</summary>
    private readonly HashSet<long> _recorded = [];

    public ContenderKey Key { get; } = key;

    public long? OpenPeriod { get; private set; }

    public long? LastClosedPeriod { get; private set; }

    public DateTimeOffset PeriodStart { get; private set; }

    public double DeclaredCapacity { get; private set; }

    public double Capacity { get; private set; }

    public double Share { get; private set; }

    public double CapacityToScore { get; private set; }

    public int Queries { get; private set; }

    public int SyntheticQueries { get; private set; }

    public double Consumed { get; private set; }

    public int RateLimited { get; private set; }

    public int Failed { get; private set; }

    public long LastQueryId { get; private set; } = -1;

    /// <summary>How the last query of the open period ended (to resume a retry sequence after a crash).</summary>
    public QueryOutcomeKind? LastOutcome { get; private set; }

    /// <summary>The counters the last closed period ended with.</summary>
    public ClosedPeriodTally? LastClosed { get; private set; }

    /// <summary>Closed periods, oldest first.</summary>
    public IReadOnlyList<PeriodRecord> History => _history;

    public IReadOnlyList<QualitySample> Samples => _samples;

    public IReadOnlyList<PendingCheck> Pending => _pending;

    /// <summary>Opens period <paramref name="period"/> unless it is already open or closed.</summary>
    public PeriodOpened? DecideOpen(PeriodOpening o)
    {
        if (OpenPeriod >= o.Period || LastClosedPeriod >= o.Period)
        {
            return null;
        }

        var capacity = Mechanism.Capacity.Clamp(o.DeclaredCapacity, o.MaxCapacity);
        return new PeriodOpened(o.Period, o.At, double.IsFinite(o.DeclaredCapacity) ? o.DeclaredCapacity : 0, capacity, o.Share,
            Mechanism.Capacity.ToScore(capacity, o.Share, o.Multiplier));
    }

    /// <summary>Records a query of the open period; a query id already applied is ignored.</summary>
    public QueryRecorded? DecideRecord(long queryId, DateTimeOffset at, bool organic, QueryOutcome outcome)
    {
        if (OpenPeriod is not { } period || _recorded.Contains(queryId))
        {
            return null;
        }

        return new QueryRecorded(period, queryId, at, organic, outcome.Kind, outcome.Kind == QueryOutcomeKind.Ok ? outcome.Work : 0,
            outcome.ResponseTime, outcome.TimeToFirstToken, outcome.StreamTime);
    }

    /// <summary>Records a check of a result still pending; unknown or already-checked ids are ignored.</summary>
    public QualityRecorded? DecideQuality(long queryId, double quality)
    {
        var pending = _pending.Find(p => p.QueryId == queryId);
        return pending is null
            ? null
            : new QualityRecorded(queryId, pending.At, Math.Clamp(quality, 0, 1), pending.Work, pending.ResponseTime);
    }

    /// <summary>Closes the open period with its score (reference §5).</summary>
    public PeriodClosed? DecideClose(long period, DateTimeOffset at)
    {
        if (OpenPeriod != period)
        {
            return null;
        }

        var score = PeriodScore.Compute(new PeriodCounters(Queries, Capacity, Consumed, RateLimited, Failed));
        return new PeriodClosed(period, at, score, Consumed);
    }

    public void Apply(ContenderEvent e, MechanismOptions options)
    {
        switch (e)
        {
            case PeriodOpened o:
                OpenPeriod = o.Period;
                PeriodStart = o.At;
                DeclaredCapacity = o.DeclaredCapacity;
                Capacity = o.Capacity;
                Share = o.Share;
                CapacityToScore = o.CapacityToScore;
                Queries = SyntheticQueries = RateLimited = Failed = 0;
                Consumed = 0;
                LastQueryId = -1;
                LastOutcome = null;
                _recorded.Clear();
                break;
            case QueryRecorded q:
                Queries++;
                SyntheticQueries += q.Organic ? 0 : 1;
                LastQueryId = Math.Max(LastQueryId, q.QueryId);
                LastOutcome = q.Kind;
                _recorded.Add(q.QueryId);
                switch (q.Kind)
                {
                    case QueryOutcomeKind.Ok:
                        Consumed += q.Work;
                        _pending.Add(new PendingCheck(q.QueryId, q.At, q.Work, q.ResponseTime));
                        if (_pending.Count > MaxPending)
                        {
                            _pending.RemoveAt(0);
                        }

                        break;
                    case QueryOutcomeKind.RateLimited:
                        RateLimited++;
                        break;
                    default:
                        Failed++;
                        break;
                }

                break;
            case QualityRecorded r:
                _pending.RemoveAll(p => p.QueryId == r.QueryId);
                _samples.Add(new QualitySample(r.Quality, r.Work, r.ResponseTime, r.At));
                _samples.RemoveAll(s => s.At < r.At - options.QualityLookBack);
                break;
            case PeriodClosed c:
                OpenPeriod = null;
                LastClosedPeriod = c.Period;
                LastClosed = new ClosedPeriodTally(c.Period, DeclaredCapacity, Capacity, Queries - RateLimited - Failed, RateLimited, Failed, c.Score);
                _history.Add(new PeriodRecord(c.Score, c.Consumed, c.At));
                _history.RemoveAll(h => h.ClosedAt < c.At - options.PeriodRetention);
                break;
            default:
                throw new ArgumentException($"unknown contender event {e.GetType().Name}", nameof(e));
        }
    }

    /// <summary>What the weight setter needs: Q, the speed metric, P and the current capacity.</summary>
    public ContenderAggregate Aggregate(DateTimeOffset now, MechanismOptions options, bool qualitySquareExempt)
    {
        // At most a few hundred samples (5 days of checks): stack buffers keep the epoch's gather of
        // thousands of contenders free of per-contender lists.
        var cutoff = now - options.QualityLookBack;
        var rented = _samples.Count > 256 ? System.Buffers.ArrayPool<double>.Shared.Rent(2 * _samples.Count) : null;
        Span<double> buffer = rented ?? stackalloc double[512];
        var qualities = buffer[.._samples.Count];
        var speeds = buffer.Slice(_samples.Count, _samples.Count);
        var n = 0;
        foreach (var s in _samples)
        {
            if (s.At < cutoff || s.Speed is not { } speed)
            {
                continue;
            }

            qualities[n] = s.Quality;
            speeds[n] = speed;
            n++;
        }

        var quality = QualityAggregate.Compute(qualities[..n], qualitySquareExempt, options.QualityExponent, options.QualitySquareThreshold);
        var metric = SpeedBonus.Percentile(speeds[..n], options.SpeedPercentile);
        if (rented is not null)
        {
            System.Buffers.ArrayPool<double>.Shared.Return(rented);
        }

        var period = PeriodAggregate.Compute(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_history), now, options);
        return new ContenderAggregate(Key.Hotkey, Key.TaskId, quality, metric, period, Capacity);
    }

    public ContenderSummary Summary() => new(
        Key.Hotkey, Key.TaskId, OpenPeriod, LastClosedPeriod, DeclaredCapacity, Capacity, Share, CapacityToScore,
        Queries, Consumed, RateLimited, Failed, LastQueryId, LastOutcome, _history.Count > 0 ? _history[^1].Score : null,
        _history.Count(h => h.Score is not null), _samples.Count, _pending.Count)
    {
        LastClosed = LastClosed,
    };

    public ContenderSnapshot ToSnapshot() => new(
        Key.Hotkey, Key.TaskId, OpenPeriod, LastClosedPeriod, PeriodStart, DeclaredCapacity, Capacity, Share,
        CapacityToScore, Queries, SyntheticQueries, Consumed, RateLimited, Failed, LastQueryId, LastOutcome,
        [.. _history], [.. _samples], [.. _pending])
    {
        RecordedQueryIds = [.. _recorded.Order()],
        LastClosed = LastClosed,
    };

    public static ContenderState FromSnapshot(ContenderSnapshot s)
    {
        var state = new ContenderState(new ContenderKey(s.Hotkey, s.TaskId))
        {
            OpenPeriod = s.OpenPeriod,
            LastClosedPeriod = s.LastClosedPeriod,
            PeriodStart = s.PeriodStart,
            DeclaredCapacity = s.DeclaredCapacity,
            Capacity = s.Capacity,
            Share = s.Share,
            CapacityToScore = s.CapacityToScore,
            Queries = s.Queries,
            SyntheticQueries = s.SyntheticQueries,
            Consumed = s.Consumed,
            RateLimited = s.RateLimited,
            Failed = s.Failed,
            LastQueryId = s.LastQueryId,
            LastOutcome = s.LastOutcome,
            LastClosed = s.LastClosed,
        };
        state._history.AddRange(s.History);
        state._samples.AddRange(s.Samples);
        state._pending.AddRange(s.Pending);
        state._recorded.UnionWith(s.RecordedQueryIds);
        return state;
    }
}
