namespace Sn19.Actors.Subnet.Contenders;

using Akka.Actor;
using Akka.Persistence;
using Sn19.Actors.Hosting;
using Sn19.Actors.Mechanism;
using Sn19.Actors.Persistence;

/// <summary>
/// One per (miner hotkey, task), on Akka.Persistence. A thin shell around <see cref="ContenderState"/>:
/// <code>
///   command ──decide──▶ event? ──persist──▶ apply ──▶ reply summary
///                         │ none (repeat, stale)            ▲
///                         └─────────────────────────────────┘
/// </code>
/// The reply goes out only after the journal acknowledged the event, so a crash loses nothing that was
/// acknowledged; commands are idempotent, so a caller may repeat one after a timeout or a crash. Every
/// <c>snapshotEvery</c> events it saves a snapshot and deletes the ones before it.
/// </summary>
internal sealed class ContenderActor : ReceivePersistentActor, IDescribedActor
{
    private readonly MechanismOptions _options;
    private readonly int _snapshotEvery;
    private ContenderState _state;

    public ContenderActor(ContenderKey key, MechanismOptions options, int snapshotEvery)
    {
        _options = options;
        _snapshotEvery = snapshotEvery;
        _state = new ContenderState(key);
        PersistenceId = key.PersistenceId;

        Recover<SnapshotOffer>(offer => _state = ContenderState.FromSnapshot((ContenderSnapshot)offer.Snapshot));
        Recover<ContenderEvent>(e => _state.Apply(e, _options));

        Command<OpenPeriod>(open => Decide(_state.DecideOpen(open.Opening)));
        Command<RecordQuery>(record => Decide(_state.DecideRecord(record.QueryId, record.At, record.Organic, record.Outcome)));
        Command<RecordQuality>(quality => Decide(_state.DecideQuality(quality.QueryId, quality.Quality)));
        Command<ClosePeriod>(close => Decide(_state.DecideClose(close.Period, close.At)));
        Command<GetContenderSummary>(_ => Sender.Tell(_state.Summary()));
        Command<GetPendingChecks>(_ => Sender.Tell(_state.Pending.ToArray()));
        Command<GetAggregate>(get => Sender.Tell(_state.Aggregate(get.Now, _options, get.QualitySquareExempt)));
        Command<DescribeActor>(_ => Sender.Tell(new ActorDescription(_state.Summary(), PersistenceId, LastSequenceNr)));
        Command<SaveSnapshotSuccess>(saved =>
            DeleteSnapshots(new SnapshotSelectionCriteria(saved.Metadata.SequenceNr - 1)));
        Command<SaveSnapshotFailure>(_ => { });
        Command<DeleteSnapshotsSuccess>(_ => { });
        Command<DeleteSnapshotsFailure>(_ => { });
    }

    public override string PersistenceId { get; }

    public static Props Props(ContenderKey key, MechanismOptions options, int snapshotEvery) =>
        Akka.Actor.Props.Create(() => new ContenderActor(key, options, snapshotEvery));

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

    private void Decide(ContenderEvent? decided)
    {
        if (decided is null)
        {
            Sender.Tell(_state.Summary());
            return;
        }

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        Persist(decided, persisted =>
        {
            Telemetry.Sn19Metrics.JournalWritten("contender", started);
            _state.Apply(persisted, _options);
            Sender.Tell(_state.Summary());
            if (_snapshotEvery > 0 && LastSequenceNr % _snapshotEvery == 0)
            {
                SaveSnapshot(_state.ToSnapshot());
            }
        });
    }
}
