namespace Sn19.Actors.Organic;

using Akka.Actor;
using Akka.Persistence;
using Sn19.Actors.Hosting;
using Sn19.Actors.Persistence;

/// <summary>
/// One per API key, on Akka.Persistence (a sharded entity in a cluster): a shell around <see cref="KeyLedger"/>.
/// Every command is answered only after its event is journaled: a reservation, because in a cluster the
/// gateway that holds it may outlive this entity's node, and its settlement must find the reservation
/// wherever the entity recovers; a settlement, so that usage a user was told about is always charged.
/// Open reservations are checked every <see cref="ExpiryCheck"/>: those past their hold or whose
/// gateway node left the cluster are released.
/// </summary>
internal sealed class ApiKeyActor : ReceivePersistentActor, IWithTimers, IDescribedActor
{
    /// <summary>How often open reservations are looked at.</summary>
    public static readonly TimeSpan ExpiryCheck = TimeSpan.FromSeconds(2);

    /// <summary>A reservation this young is never released for its owner's absence (membership news can lag a join).</summary>
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
        Recover<RecoveryCompleted>(_ => ArmExpiry());

        Command<ReserveCredit>(Reserve);
        Command<SettleCredit>(settle =>
        {
            var (decided, reply) = _ledger.DecideSettle(settle, Now);
            Persist(decided, reply);
        });
        Command<IssueKey>(issue => Persist(_ledger.DecideIssue(issue, Now), null));
        Command<TopUpKey>(topUp => Persist(_ledger.DecideTopUp(topUp, Now), null));
        Command<RevokeKey>(_ => Persist(_ledger.DecideRevoke(Now), null));
        Command<GetKeyStatus>(get => Sender.Tell(_ledger.Status(get.Charges)));
        Command<ExpireReservations>(_ => Expire());
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
            .Register<CreditReserved>("api-key.reserved")
            .Register<ReservationSettled>("api-key.settled")
            .Register<ReservationExpired>("api-key.expired")
            .Register<KeyLedgerSnapshot>("api-key.snapshot");
    }

    private void Reserve(ReserveCredit reserve)
    {
        var (decided, reply) = _ledger.DecideReserve(reserve, Now, _hold, _window);
        if (decided is not null)
        {
            // Counted at once: the next request's limit check sees this one even while its event is being written.
            _window.Add(Now, reserve.PromptTokensBound + reply.GrantedCompletionTokens);
        }

        Persist(decided, reply);
    }

    private void Expire()
    {
        var system = Context.System;
        var expired = _ledger.DecideExpiries(Now, owner => GatewayOwner.IsMember(system, owner), OwnerGrace);
        foreach (var e in expired)
        {
            _ledger.Apply(e);
        }

        PersistAllAsync(expired, _ => MaybeSnapshot());

        ArmExpiry();
    }

    /// <summary>Persists <paramref name="decided"/> (if any), applies it, then replies <paramref name="reply"/> or the key's status.</summary>
    private void Persist(KeyEvent? decided, object? reply)
    {
        var sender = Sender;
        if (decided is null)
        {
            sender.Tell(reply ?? _ledger.Status(20));
            return;
        }

        Persist(decided, persisted =>
        {
            _ledger.Apply(persisted);
            sender.Tell(reply ?? _ledger.Status(20));
            MaybeSnapshot();
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

    private void MaybeSnapshot()
    {
        if (LastSequenceNr % SnapshotEvery == 0)
        {
            SaveSnapshot(_ledger.Snapshot());
        }
    }
}
