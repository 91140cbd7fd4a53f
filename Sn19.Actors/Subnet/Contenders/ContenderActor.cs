namespace Sn19.Actors.Subnet.Contenders;

using Sn19.Actors.Kernel;
using Sn19.Actors.Mechanism;
using Sn19.Actors.Persistence;

/// <summary>
/// One per (miner hotkey, task). Event-sourced: every command decides an event on <see cref="ContenderState"/>,
/// persists it, and only then lets it change the state, so a crash loses nothing that was acknowledged.
/// Commands are idempotent, so a caller may repeat one after a crash.
/// </summary>
internal sealed class ContenderActor(PersistenceRuntime persistence, ContenderKey key, MechanismOptions options)
    : PersistentActor<ContenderMessage, ContenderEvent>(persistence, key.PersistenceId), IIntrospectable
{
    private ContenderState _state = new(key);

    /// <summary>Registers the contender's events and snapshot under stable manifest names.</summary>
    public static void Register(EventTypeRegistry events)
    {
        ArgumentNullException.ThrowIfNull(events);
        events.Register<PeriodOpened>("contender.period-opened")
            .Register<QueryRecorded>("contender.query-recorded")
            .Register<QualityRecorded>("contender.quality-recorded")
            .Register<PeriodClosed>("contender.period-closed")
            .Register<ContenderSnapshot>("contender.snapshot");
    }

    public object Summary() => _state.Summary();

    protected override async Task ReceiveAsync(ContenderMessage message, CancellationToken cancellationToken)
    {
        switch (message)
        {
            case OpenPeriod open:
                await HandleAsync(_state.DecideOpen(open.Opening), open.ReplyTo, cancellationToken);
                break;
            case RecordQuery record:
                await HandleAsync(_state.DecideRecord(record.QueryId, record.At, record.Organic, record.Outcome), record.ReplyTo, cancellationToken);
                break;
            case RecordQuality quality:
                await HandleAsync(_state.DecideQuality(quality.QueryId, quality.Quality), quality.ReplyTo, cancellationToken);
                break;
            case ClosePeriod close:
                await HandleAsync(_state.DecideClose(close.Period, close.At), close.ReplyTo, cancellationToken);
                break;
            case GetContenderSummary get:
                get.ReplyTo.Reply(_state.Summary());
                break;
            case GetPendingChecks pending:
                pending.ReplyTo.Reply([.. _state.Pending]);
                break;
            case GetAggregate aggregate:
                aggregate.ReplyTo.Reply(_state.Aggregate(aggregate.Now, options, aggregate.QualitySquareExempt));
                break;
        }
    }

    protected override void Apply(ContenderEvent @event) => _state.Apply(@event, options);

    protected override object? CreateSnapshot() => _state.ToSnapshot();

    protected override void RestoreSnapshot(object snapshot) =>
        _state = ContenderState.FromSnapshot((ContenderSnapshot)snapshot);

    private async Task HandleAsync(ContenderEvent? decided, ReplyTo<ContenderSummary>? replyTo, CancellationToken cancellationToken)
    {
        if (decided is not null)
        {
            await PersistAsync(decided, cancellationToken);
        }

        replyTo?.Reply(_state.Summary());
    }
}
