namespace Sn19.Actors.Persistence.Sqlite;

using System.Globalization;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;

/// <summary>
/// Group commit for the SQLite journal. Appends from all actors queue here; one writer loop takes whatever is
/// queued (up to 256 appends or 4,096 events) and writes it in ONE transaction, so one disk sync covers many
/// actors' appends (with synchronous=FULL a sync costs ~0.5 ms: single-event appends from many actors reach
/// thousands of events per sync instead of one). Each append keeps its own outcome:
/// <list type="number">
/// <item>BEGIN IMMEDIATE (the file's write lock, also against other processes);</item>
/// <item>per append: SAVEPOINT; check the highest sequence number against the expected one (a mismatch is
/// Conflict, nothing written); insert its events; RELEASE (or ROLLBACK TO on a key violation → Conflict);</item>
/// <item>COMMIT; only then does any caller learn its outcome, so Appended always means durable;</item>
/// <item>if the transaction itself fails, every append of the group gets that exception (none is durable).</item>
/// </list>
/// Appends of one persistence id in one group see each other (same transaction), so they chain correctly.
/// </summary>
internal sealed class SqliteGroupCommit : IAsyncDisposable
{
    private const int MaxAppends = 256;
    private const int MaxEvents = 4096;
    private const int SqliteConstraint = 19;
    private readonly SqliteDatabase _database;
    private readonly TimeProvider _time;
    private readonly Channel<PendingAppend> _queue = Channel.CreateUnbounded<PendingAppend>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;

    public SqliteGroupCommit(SqliteDatabase database, TimeProvider time)
    {
        _database = database;
        _time = time;
        _writer = Task.Run(WriteLoopAsync);
    }

    /// <summary>Queues an append. Once queued it is written or failed as a whole; the token only stops the wait.</summary>
    public Task<AppendOutcome> AppendAsync(
        string persistenceId, long expectedSequenceNr, IReadOnlyList<EventPayload> events, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var pending = new PendingAppend(persistenceId, expectedSequenceNr, events);
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(SqliteJournal));
        }

        return pending.Completion.Task.WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer;
    }

    private async Task WriteLoopAsync()
    {
        var group = new List<PendingAppend>(MaxAppends);
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync())
        {
            group.Clear();
            var events = 0;
            while (group.Count < MaxAppends && events < MaxEvents && reader.TryRead(out var pending))
            {
                group.Add(pending);
                events += pending.Events.Count;
            }

            try
            {
                var outcomes = await _database.WriteAsync(connection => CommitGroupAsync(connection, group), CancellationToken.None);
                for (var i = 0; i < group.Count; i++)
                {
                    group[i].Completion.TrySetResult(outcomes[i]);
                }
            }
            catch (Exception error)
            {
                foreach (var pending in group)
                {
                    pending.Completion.TrySetException(error);
                }
            }
        }
    }

    private async Task<AppendOutcome[]> CommitGroupAsync(SqliteConnection connection, List<PendingAppend> group)
    {
        var outcomes = new AppendOutcome[group.Count];
        await using var transaction = connection.BeginTransaction();
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO journal (persistence_id, sequence_nr, manifest, payload, written_at)
            VALUES ($id, $seq, $manifest, $payload, $at);
            """;
        var id = insert.Parameters.Add("$id", SqliteType.Text);
        var seq = insert.Parameters.Add("$seq", SqliteType.Integer);
        var manifest = insert.Parameters.Add("$manifest", SqliteType.Text);
        var payload = insert.Parameters.Add("$payload", SqliteType.Blob);
        var at = insert.Parameters.Add("$at", SqliteType.Integer);
        at.Value = _time.GetUtcNow().ToUnixTimeMilliseconds();
        insert.Prepare();
        await using var highest = Prepared(connection, transaction, SqliteJournal.HighestSql);
        var highestId = highest.Parameters.Add("$id", SqliteType.Text);
        await using var savepoint = Prepared(connection, transaction, "SAVEPOINT append;");
        await using var release = Prepared(connection, transaction, "RELEASE append;");
        for (var g = 0; g < group.Count; g++)
        {
            var append = group[g];
            highestId.Value = append.PersistenceId;
            var current = Convert.ToInt64(await highest.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
            if (current != append.ExpectedSequenceNr)
            {
                outcomes[g] = AppendOutcome.Conflict;
                continue;
            }

            await savepoint.ExecuteNonQueryAsync();
            try
            {
                id.Value = append.PersistenceId;
                for (var i = 0; i < append.Events.Count; i++)
                {
                    seq.Value = append.ExpectedSequenceNr + 1 + i;
                    manifest.Value = append.Events[i].Manifest;
                    payload.Value = append.Events[i].Payload;
                    await insert.ExecuteNonQueryAsync();
                }

                await release.ExecuteNonQueryAsync();
                outcomes[g] = AppendOutcome.Appended;
            }
            catch (SqliteException error) when (error.SqliteErrorCode == SqliteConstraint)
            {
                await using var rollback = Prepared(connection, transaction, "ROLLBACK TO append; RELEASE append;");
                await rollback.ExecuteNonQueryAsync();
                outcomes[g] = AppendOutcome.Conflict;
            }
        }

        await transaction.CommitAsync();
        return outcomes;
    }

    private static SqliteCommand Prepared(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private sealed class PendingAppend(string persistenceId, long expectedSequenceNr, IReadOnlyList<EventPayload> events)
    {
        public string PersistenceId { get; } = persistenceId;

        public long ExpectedSequenceNr { get; } = expectedSequenceNr;

        public IReadOnlyList<EventPayload> Events { get; } = events;

        public TaskCompletionSource<AppendOutcome> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
