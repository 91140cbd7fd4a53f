namespace Sn19.Actors.Persistence.Postgres;

using System.Runtime.CompilerServices;
using Npgsql;
using NpgsqlTypes;

/// <summary>The PostgreSQL journal, for a cluster of nodes on one database.</summary>
internal sealed class PostgresJournal : IJournal
{
    private readonly PostgresDatabase _database;
    private readonly bool _ownsDatabase;
    private readonly TimeProvider _time;
    private readonly string _highestSql;
    private readonly string _insertSql;
    private readonly string _readSql;
    private readonly string _deleteSql;
    private readonly string _deleteRowsSql;

    public PostgresJournal(PostgresDatabase database, bool ownsDatabase, TimeProvider time)
    {
        _database = database;
        _ownsDatabase = ownsDatabase;
        _time = time;
        var s = database.Schema;
        _highestSql = $"""
            SELECT GREATEST(
                COALESCE((SELECT MAX(sequence_nr) FROM {s}.journal WHERE persistence_id = $1), 0),
                COALESCE((SELECT deleted_to FROM {s}.journal_meta WHERE persistence_id = $1), 0))
            """;
        _insertSql = $"""
            INSERT INTO {s}.journal (persistence_id, sequence_nr, manifest, payload, written_at)
            SELECT $1, u.seq, u.manifest, u.payload, $5
            FROM unnest($2::bigint[], $3::text[], $4::bytea[]) AS u(seq, manifest, payload)
            """;
        _readSql = $"""
            SELECT sequence_nr, manifest, payload, written_at FROM {s}.journal
            WHERE persistence_id = $1 AND sequence_nr >= $2 ORDER BY sequence_nr
            """;
        _deleteSql = $"""
            INSERT INTO {s}.journal_meta (persistence_id, deleted_to) VALUES ($1, $2)
                ON CONFLICT (persistence_id) DO UPDATE
                SET deleted_to = GREATEST({s}.journal_meta.deleted_to, excluded.deleted_to)
            """;
        _deleteRowsSql = $"DELETE FROM {s}.journal WHERE persistence_id = $1 AND sequence_nr <= $2";
    }

    public async Task<AppendOutcome> AppendAsync(
        string persistenceId, long expectedSequenceNr, IReadOnlyList<EventPayload> events, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(persistenceId);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedSequenceNr);
        if (events.Count == 0)
        {
            return AppendOutcome.Appended;
        }

        await using var connection = await _database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // Read committed: two writers may both see the same highest value, but then both insert
        // expected+1 and the primary key lets only one commit; the other gets a unique violation.
        if (await HighestAsync(connection, transaction, persistenceId, cancellationToken) != expectedSequenceNr)
        {
            return AppendOutcome.Conflict;
        }

        var sequenceNrs = new long[events.Count];
        var manifests = new string[events.Count];
        var payloads = new byte[events.Count][];
        for (var i = 0; i < events.Count; i++)
        {
            sequenceNrs[i] = expectedSequenceNr + 1 + i;
            manifests[i] = events[i].Manifest;
            payloads[i] = events[i].Payload;
        }

        await using var insert = new NpgsqlCommand(_insertSql, connection, transaction);
        insert.Parameters.Add(new NpgsqlParameter { Value = persistenceId });
        insert.Parameters.Add(new NpgsqlParameter { Value = sequenceNrs });
        insert.Parameters.Add(new NpgsqlParameter { Value = manifests });
        insert.Parameters.Add(new NpgsqlParameter { Value = payloads, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea });
        insert.Parameters.Add(new NpgsqlParameter { Value = _time.GetUtcNow().ToUnixTimeMilliseconds() });
        try
        {
            await insert.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (PostgresException error) when (error.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return AppendOutcome.Conflict;
        }

        return AppendOutcome.Appended;
    }

    public async IAsyncEnumerable<JournalEvent> ReadAsync(
        string persistenceId, long fromSequenceNr, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = _database.DataSource.CreateCommand(_readSql);
        command.Parameters.Add(new NpgsqlParameter { Value = persistenceId });
        command.Parameters.Add(new NpgsqlParameter { Value = fromSequenceNr });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return new JournalEvent(
                persistenceId,
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetFieldValue<byte[]>(2),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)));
        }
    }

    public async Task<long> ReadHighestSequenceNrAsync(string persistenceId, CancellationToken cancellationToken)
    {
        await using var connection = await _database.DataSource.OpenConnectionAsync(cancellationToken);
        return await HighestAsync(connection, null, persistenceId, cancellationToken);
    }

    public async Task DeleteUpToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken)
    {
        await using var connection = await _database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var upTo = Math.Min(toSequenceNr, await HighestAsync(connection, transaction, persistenceId, cancellationToken));
        foreach (var sql in new[] { _deleteSql, _deleteRowsSql })
        {
            await using var command = new NpgsqlCommand(sql, connection, transaction);
            command.Parameters.Add(new NpgsqlParameter { Value = persistenceId });
            command.Parameters.Add(new NpgsqlParameter { Value = upTo });
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_ownsDatabase)
        {
            await _database.DisposeAsync();
        }
    }

    private async Task<long> HighestAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string persistenceId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(_highestSql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = persistenceId });
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
