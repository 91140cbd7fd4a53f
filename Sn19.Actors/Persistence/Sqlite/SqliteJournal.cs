namespace Sn19.Actors.Persistence.Sqlite;

using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

/// <summary>
/// The SQLite journal (the default backend): one row per event in the <c>journal</c> table; appends go through
/// <see cref="SqliteGroupCommit"/>.
/// </summary>
internal sealed class SqliteJournal : IJournal
{
    internal const string HighestSql = """
        SELECT MAX(
            COALESCE((SELECT MAX(sequence_nr) FROM journal WHERE persistence_id = $id), 0),
            COALESCE((SELECT deleted_to FROM journal_meta WHERE persistence_id = $id), 0));
        """;

    private readonly SqliteDatabase _database;
    private readonly bool _ownsDatabase;
    private readonly SqliteGroupCommit _groupCommit;

    public SqliteJournal(SqliteDatabase database, bool ownsDatabase, TimeProvider time)
    {
        _database = database;
        _ownsDatabase = ownsDatabase;
        _groupCommit = new SqliteGroupCommit(database, time);
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

        return _groupCommit.AppendAsync(persistenceId, expectedSequenceNr, events, cancellationToken);
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
        await _groupCommit.DisposeAsync();
        if (_ownsDatabase)
        {
            await _database.DisposeAsync();
        }
    }

    internal static async Task<long> HighestAsync(
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
