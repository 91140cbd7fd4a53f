namespace Sn19.Actors.Organic;

using Akka.Actor;
using Akka.Persistence;
using Sn19.Actors.Hosting;
using Sn19.Actors.Persistence;

/// <summary>
/// One per API key, on Akka.Persistence (a sharded entity in a cluster): a shell around <see cref="KeyLedger"/>.
/// A hold is answered at once from memory (no journal write before a request is sent); a settlement is answered
/// only after its charge is journaled, so usage a user was told about is always charged, exactly once. A
/// request that fails is released without a write. Every <see cref="ExpiryCheck"/> the holds are looked at: those
/// past their time limit, or whose gateway node left the cluster, end.
/// </summary>
internal sealed class ApiKeyActor : ReceivePersistentActor, IWithTimers, IDescribedActor
{
    /// <summary>How often open holds are looked at.</summary>
    public static readonly TimeSpan ExpiryCheck = TimeSpan.FromSeconds(2);

    /// <summary>A hold this young is never ended for its owner's absence (membership news can lag a join).</summary>
    public static readonly TimeSpan OwnerGrace = TimeSpan.FromSeconds(5);

    private const string ExpiryTimer = "expiry";
    private const int SnapshotEvery = 500;

    private readonly TimeSpan _hold;
    private readonly RateWindow _window = new();
    private KeyLedger _ledger;

    public ApiKeyActor(string keyId, TimeSpan hold)
    {
        _hold = hold;
        _ledger = new KeyLedger(keyId);
        PersistenceId = PersistenceIdOf(keyId);

        Recover<SnapshotOffer>(offer => _ledger = KeyLedger.FromSnapshot((KeyLedgerSnapshot)offer.Snapshot));
        Recover<KeyEvent>(e => _ledger.Apply(e));

        Command<ReserveCredit>(reserve =>
        {
            Sender.Tell(_ledger.Hold(reserve, Now, _hold, _window));
            ArmExpiry();
        });
        Command<SettleCredit>(settle =>
        {
            var (decided, reply) = _ledger.DecideSettle(settle, Now);
            Persist(decided, reply);
        });
        Command<IssueKey>(issue => Persist(_ledger.DecideIssue(issue, Now), null));
        Command<TopUpKey>(topUp => Persist(_ledger.DecideTopUp(topUp, Now), null));
        Command<RevokeKey>(_ => Persist(_ledger.DecideRevoke(Now), null));
        Command<GetKeyStatus>(get => Sender.Tell(_ledger.Status(get.Charges)));
        Command<ExpireReservations>(_ =>
        {
            var system = Context.System;
            _ledger.ExpireHolds(Now, owner => GatewayOwner.IsMember(system, owner), OwnerGrace);
            ArmExpiry();
        });
        Command<DescribeActor>(_ => Sender.Tell(new ActorDescription(_ledger.Status(5), PersistenceId, LastSequenceNr)));
        Command<SaveSnapshotSuccess>(saved => DeleteSnapshots(new SnapshotSelectionCriteria(saved.Metadata.SequenceNr - 1)));
        Command<SaveSnapshotFailure>(_ => { });
        Command<DeleteSnapshotsSuccess>(_ => { });
        Command<DeleteSnapshotsFailure>(_ => { });
    }

    public override string PersistenceId { get; }

    public ITimerScheduler Timers { get; set; } = null!;

    private DateTimeOffset Now => Context.System.Scheduler.Now;

    public static string PersistenceIdOf(string keyId) => "api-key/" + keyId;

    public static Props Props(string keyId, TimeSpan hold) => Akka.Actor.Props.Create(() => new ApiKeyActor(keyId, hold));

    /// <summary>Registers the ledger's events and snapshot under stable manifest names.</summary>
    public static void Register(EventTypeRegistry events)
    {
        ArgumentNullException.ThrowIfNull(events);
        events.Register<KeyIssued>("api-key.issued")
            .Register<CreditAdded>("api-key.credit-added")
            .Register<KeyRevoked>("api-key.revoked")
            .Register<ReservationSettled>("api-key.settled")
            .Register<KeyLedgerSnapshot>("api-key.snapshot");
    }

    /// <summary>Persists <paramref name="decided"/> (if any), applies it, then replies <paramref name="reply"/> or the key's status.</summary>
    private void Persist(KeyEvent? decided, object? reply)
    {
        var sender = Sender;
        if (decided is null)
        {
            sender.Tell(reply ?? _ledger.Status(20));
            ArmExpiry();
            return;
        }

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        Persist(decided, persisted =>
        {
            Telemetry.Sn19Metrics.JournalWritten("api-key", started);
            _ledger.Apply(persisted);
            sender.Tell(reply ?? _ledger.Status(20));
            if (LastSequenceNr % SnapshotEvery == 0)
            {
                SaveSnapshot(_ledger.Snapshot());
            }

            ArmExpiry();
        });
    }

    private void ArmExpiry()
    {
        if (_ledger.Open.Count == 0)
        {
            Timers.Cancel(ExpiryTimer);
        }
        else if (!Timers.IsTimerActive(ExpiryTimer))
        {
            Timers.StartPeriodicTimer(ExpiryTimer, ExpireReservations.Instance, ExpiryCheck);
        }
    }
}
