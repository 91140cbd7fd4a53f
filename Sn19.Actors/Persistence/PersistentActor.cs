namespace Sn19.Actors.Persistence;

using Sn19.Actors.Kernel;

/// <summary>
/// An event-sourced actor. State changes only through <see cref="Apply"/>, which runs for an event only after
/// the journal has made it durable (and again on recovery). Life of one incarnation:
///
/// <code>
///   start ─▶ load latest snapshot ─▶ replay events after it ─▶ OnRecoveredAsync ─▶ messages
///   PersistAsync(e): journal append at LastSequenceNr ──Appended──▶ Apply(e) ─▶ maybe snapshot
///                                                     └─Conflict──▶ PersistenceConflictException: the actor stops
/// </code>
/// A store error throws out of PersistAsync; the kernel restarts the actor, which recovers from the journal,
/// so state never runs ahead of what is durable.
/// </summary>
public abstract class PersistentActor<TMessage, TEvent> : Actor<TMessage>, IPersistenceInfo
    where TMessage : class
    where TEvent : class
{
    private long _sequenceNr;
    private long _snapshotSequenceNr;

    protected PersistentActor(PersistenceRuntime persistence, string persistenceId)
    {
        ArgumentNullException.ThrowIfNull(persistence);
        ArgumentException.ThrowIfNullOrEmpty(persistenceId);
        Persistence = persistence;
        PersistenceId = persistenceId;
    }

    public string PersistenceId { get; }

    public long LastSequenceNr => Volatile.Read(ref _sequenceNr);

    protected PersistenceRuntime Persistence { get; }

    protected sealed override async Task StartedAsync(CancellationToken cancellationToken)
    {
        var snapshot = await Persistence.Snapshots.LoadLatestAsync(PersistenceId, cancellationToken);
        long sequenceNr = 0;
        if (snapshot is not null)
        {
            RestoreSnapshot(Persistence.Events.Deserialize(snapshot.Manifest, snapshot.Payload, PersistenceId, snapshot.SequenceNr));
            sequenceNr = snapshot.SequenceNr;
        }

        var replayed = 0;
        await foreach (var stored in Persistence.Journal.ReadAsync(PersistenceId, sequenceNr + 1, cancellationToken))
        {
            var @event = Persistence.Events.Deserialize(stored.Manifest, stored.Payload, PersistenceId, stored.SequenceNr);
            Apply(@event as TEvent ?? throw new InvalidOperationException(
                $"Persistence id '{PersistenceId}', sequence {stored.SequenceNr}: manifest '{stored.Manifest}' is a " +
                $"{@event.GetType().Name}, not a {typeof(TEvent).Name}."));
            sequenceNr = stored.SequenceNr;
            replayed++;
        }

        // Events deleted beyond the snapshot still count: appends continue after the highest number ever written.
        sequenceNr = Math.Max(sequenceNr, await Persistence.Journal.ReadHighestSequenceNrAsync(PersistenceId, cancellationToken));
        Volatile.Write(ref _sequenceNr, sequenceNr);
        _snapshotSequenceNr = snapshot?.SequenceNr ?? 0;
        PersistenceLog.Recovered(Persistence.Logger, PersistenceId, sequenceNr, replayed);
        await OnRecoveredAsync(cancellationToken);
    }

    /// <summary>Runs once state is recovered, before the first message (start timers, watch, spawn here).</summary>
    protected virtual Task OnRecoveredAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Changes state for one event. Must be deterministic and must not fail for a stored event.</summary>
    protected abstract void Apply(TEvent @event);

    /// <summary>The state to snapshot (a registered type), or null to never snapshot.</summary>
    protected virtual object? CreateSnapshot() => null;

    protected virtual void RestoreSnapshot(object snapshot) =>
        throw new InvalidOperationException(
            $"{GetType().Name} found a snapshot but does not override {nameof(RestoreSnapshot)}.");

    protected Task PersistAsync(TEvent @event, CancellationToken cancellationToken) =>
        PersistAllAsync([@event], cancellationToken);

    /// <summary>Appends the events as one atomic batch, then applies them in order.</summary>
    protected async Task PersistAllAsync(IReadOnlyList<TEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            return;
        }

        var payloads = new EventPayload[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            payloads[i] = Persistence.Events.Serialize(events[i]);
        }

        var expected = _sequenceNr;
        var outcome = await Persistence.Journal.AppendAsync(PersistenceId, expected, payloads, cancellationToken);
        if (outcome == AppendOutcome.Conflict)
        {
            throw PersistenceConflictException.For(PersistenceId, expected);
        }

        foreach (var @event in events)
        {
            Apply(@event);
        }

        Volatile.Write(ref _sequenceNr, expected + events.Count);
        await MaybeSnapshotAsync(cancellationToken);
    }

    private async Task MaybeSnapshotAsync(CancellationToken cancellationToken)
    {
        var every = Persistence.Options.SnapshotEvery;
        if (every <= 0 || _sequenceNr - _snapshotSequenceNr < every)
        {
            return;
        }

        var state = CreateSnapshot();
        if (state is null)
        {
            return;
        }

        var sequenceNr = _sequenceNr;
        try
        {
            var payload = Persistence.Events.Serialize(state);
            await Persistence.Snapshots.SaveAsync(
                new SnapshotEntry(PersistenceId, sequenceNr, payload.Manifest, payload.Payload, Persistence.Time.GetUtcNow()),
                cancellationToken);
            _snapshotSequenceNr = sequenceNr;
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // A snapshot only shortens recovery; failing one must not fail the actor.
            PersistenceLog.SnapshotFailed(Persistence.Logger, PersistenceId, sequenceNr, error);
        }
    }
}
