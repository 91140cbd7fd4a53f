namespace Sn19.Actors.Persistence.Sqlite;

using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

/// <summary>The SQLite journal (the default backend): one row per event in the <c>journal</c> table.</summary>
internal sealed class SqliteJournal : IJournal
{
    private const int SqliteConstraint = 19;
    private const string HighestSql = """
        SELECT MAX(
            COALESCE((SELECT MAX(sequence_nr) FROM journal WHERE persistence_id = $id), 0),
            COALESCE((SELECT deleted_to FROM journal_meta WHERE persistence_id = $id), 0));
        """;

    private readonly SqliteDatabase _database;
    private readonly bool _ownsDatabase;
    private readonly TimeProvider _time;

    public SqliteJournal(SqliteDatabase database, bool ownsDatabase, TimeProvider time)
    {
        _database = database;
        _ownsDatabase = ownsDatabase;
        _time = time;
    }

    public Task<AppendOutcome> AppendAsync(
        string persistenceId, long expectedSequenceNr, IReadOnlyList<EventPayload> events, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(persistenceId);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedSequenceNr);
        if (events.Count == 0)
        {
            return Task.FromResult(AppendOutcome.Appended);
        }

        return _database.WriteAsync(connection => AppendLockedAsync(connection, persistenceId, expectedSequenceNr, events, cancellationToken), cancellationToken);
    }

    public async IAsyncEnumerable<JournalEvent> ReadAsync(
        string persistenceId, long fromSequenceNr, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenReadConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT sequence_nr, manifest, payload, written_at FROM journal
            WHERE persistence_id = $id AND sequence_nr >= $from ORDER BY sequence_nr;
            """;
        command.Parameters.AddWithValue("$id", persistenceId);
        command.Parameters.AddWithValue("$from", fromSequenceNr);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return new JournalEvent(
                persistenceId,
                reader.GetInt64(0),
                reader.GetString(1),
                (byte[])reader.GetValue(2),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)));
        }
    }

    public async Task<long> ReadHighestSequenceNrAsync(string persistenceId, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenReadConnectionAsync(cancellationToken);
        return await HighestAsync(connection, null, persistenceId, cancellationToken);
    }

    public Task DeleteUpToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken) =>
        _database.WriteAsync(
            async connection =>
            {
                await using var transaction = connection.BeginTransaction();
                var highest = await HighestAsync(connection, transaction, persistenceId, cancellationToken);
                var upTo = Math.Min(toSequenceNr, highest);
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = """
                    INSERT INTO journal_meta (persistence_id, deleted_to) VALUES ($id, $to)
                        ON CONFLICT (persistence_id) DO UPDATE SET deleted_to = MAX(deleted_to, excluded.deleted_to);
                    DELETE FROM journal WHERE persistence_id = $id AND sequence_nr <= $to;
                    """;
                command.Parameters.AddWithValue("$id", persistenceId);
                command.Parameters.AddWithValue("$to", upTo);
                await command.ExecuteNonQueryAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return true;
            },
            cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_ownsDatabase)
        {
            await _database.DisposeAsync();
        }
    }

    private async Task<AppendOutcome> AppendLockedAsync(
        SqliteConnection connection, string persistenceId, long expectedSequenceNr, IReadOnlyList<EventPayload> events,
        CancellationToken cancellationToken)
    {
        // BEGIN IMMEDIATE: takes the file's write lock now, so the highest-sequence check and the inserts are one
        // atomic step even against writers in other processes.
        await using var transaction = connection.BeginTransaction();
        var highest = await HighestAsync(connection, transaction, persistenceId, cancellationToken);
        if (highest != expectedSequenceNr)
        {
            return AppendOutcome.Conflict;
        }

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
        id.Value = persistenceId;
        at.Value = _time.GetUtcNow().ToUnixTimeMilliseconds();
        insert.Prepare();
        try
        {
            for (var i = 0; i < events.Count; i++)
            {
                seq.Value = expectedSequenceNr + 1 + i;
                manifest.Value = events[i].Manifest;
                payload.Value = events[i].Payload;
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        catch (SqliteException error) when (error.SqliteErrorCode == SqliteConstraint)
        {
            return AppendOutcome.Conflict;
        }

        await transaction.CommitAsync(cancellationToken);
        return AppendOutcome.Appended;
    }

    private static async Task<long> HighestAsync(
        SqliteConnection connection, SqliteTransaction? transaction, string persistenceId, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = HighestSql;
        command.Parameters.AddWithValue("$id", persistenceId);
        var result = await command.ExecuteScalarAsync(cancellationToken);
        return Convert.ToInt64(result, System.Globalization.CultureInfo.InvariantCulture);
    }
}
