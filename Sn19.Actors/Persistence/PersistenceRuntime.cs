namespace Sn19.Actors.Persistence;

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Sn19.Actors.Persistence.Postgres;
using Sn19.Actors.Persistence.Sqlite;

/// <summary>
/// What persistent actors need: the journal, the snapshot store, the event type registry and the options.
/// Hand one to each persistent actor's constructor; dispose it after the actor system has shut down.
/// </summary>
public sealed class PersistenceRuntime : IAsyncDisposable
{
    private readonly IAsyncDisposable? _owned;

    public PersistenceRuntime(
        IJournal journal, ISnapshotStore snapshots, EventTypeRegistry events, PersistenceOptions options,
        TimeProvider? time = null, ILoggerFactory? loggers = null)
        : this(journal, snapshots, events, options, time, loggers, null)
    {
    }

    private PersistenceRuntime(
        IJournal journal, ISnapshotStore snapshots, EventTypeRegistry events, PersistenceOptions options,
        TimeProvider? time, ILoggerFactory? loggers, IAsyncDisposable? owned)
    {
        Journal = journal;
        Snapshots = snapshots;
        Events = events;
        Options = options;
        Time = time ?? TimeProvider.System;
        Logger = (loggers ?? NullLoggerFactory.Instance).CreateLogger("Sn19.Actors.Persistence");
        _owned = owned;
    }

    public IJournal Journal { get; }

    public ISnapshotStore Snapshots { get; }

    public EventTypeRegistry Events { get; }

    public PersistenceOptions Options { get; }

    public TimeProvider Time { get; }

    internal ILogger Logger { get; }

    /// <summary>Opens the configured backend (creating its schema) and returns a runtime that owns it.</summary>
    public static async Task<PersistenceRuntime> OpenAsync(
        PersistenceOptions options, EventTypeRegistry events, TimeProvider? time, ILoggerFactory? loggers,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(events);
        options.Validate();
        time ??= TimeProvider.System;
        if (options.Provider == "postgres")
        {
            var postgres = await PostgresDatabase.OpenAsync(options.Postgres, cancellationToken);
            return new PersistenceRuntime(
                new PostgresJournal(postgres, false, time), new PostgresSnapshotStore(postgres, false), events, options,
                time, loggers, postgres);
        }

        var sqlite = await SqliteDatabase.OpenAsync(options.Sqlite, cancellationToken);
        return new PersistenceRuntime(
            new SqliteJournal(sqlite, false, time), new SqliteSnapshotStore(sqlite, false), events, options,
            time, loggers, sqlite);
    }

    public async ValueTask DisposeAsync()
    {
        await Journal.DisposeAsync();
        await Snapshots.DisposeAsync();
        if (_owned is not null)
        {
            await _owned.DisposeAsync();
        }
    }
}
