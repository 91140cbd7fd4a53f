namespace Sn19.Actors.Subnet.Contenders;

using Sn19.Actors.Mechanism;

/// <summary>Contenders as plain in-process state (no journal): for the pure simulation and tests.</summary>
internal sealed class InMemoryContenders(MechanismOptions options) : IContenderGateway
{
    private readonly SortedDictionary<string, ContenderState> _states = new(StringComparer.Ordinal);

    public ValueTask<IReadOnlyList<ContenderKey>> KeysAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<ContenderKey>>([.. _states.Values.Select(s => s.Key)]);

    public ValueTask<ContenderSummary> OpenAsync(ContenderKey key, PeriodOpening opening, CancellationToken cancellationToken) =>
        Handle(key, s => s.DecideOpen(opening));

    public ValueTask<ContenderSummary> RecordAsync(
        ContenderKey key, long queryId, DateTimeOffset at, bool organic, QueryOutcome outcome, CancellationToken cancellationToken) =>
        Handle(key, s => s.DecideRecord(queryId, at, organic, outcome));

    public ValueTask<ContenderSummary> RecordQualityAsync(ContenderKey key, long queryId, double quality, CancellationToken cancellationToken) =>
        Handle(key, s => s.DecideQuality(queryId, quality));

    public ValueTask<ContenderSummary> CloseAsync(ContenderKey key, long period, DateTimeOffset at, CancellationToken cancellationToken) =>
        Handle(key, s => s.DecideClose(period, at));

    public ValueTask<ContenderSummary> SummaryAsync(ContenderKey key, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Get(key).Summary());

    public ValueTask<IReadOnlyList<PendingCheck>> PendingAsync(ContenderKey key, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<PendingCheck>>([.. Get(key).Pending]);

    public ValueTask<ContenderAggregate> AggregateAsync(ContenderKey key, DateTimeOffset now, bool qualitySquareExempt, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Get(key).Aggregate(now, options, qualitySquareExempt));

    private ValueTask<ContenderSummary> Handle(ContenderKey key, Func<ContenderState, ContenderEvent?> decide)
    {
        var state = Get(key);
        if (decide(state) is { } e)
        {
            state.Apply(e, options);
        }

        return ValueTask.FromResult(state.Summary());
    }

    private ContenderState Get(ContenderKey key)
    {
        var id = key.PersistenceId;
        if (!_states.TryGetValue(id, out var state))
        {
            state = new ContenderState(key);
            _states[id] = state;
        }

        return state;
    }
}
