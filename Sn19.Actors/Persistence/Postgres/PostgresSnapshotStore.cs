namespace Sn19.Actors.Persistence.Postgres;

using Npgsql;

/// <summary>PostgreSQL snapshots in <c>SCHEMA.snapshots</c>.</summary>
internal sealed class PostgresSnapshotStore : ISnapshotStore
{
    private readonly PostgresDatabase _database;
    private readonly bool _ownsDatabase;
    private readonly string _saveSql;
    private readonly string _loadSql;
    private readonly string _deleteSql;

    public PostgresSnapshotStore(PostgresDatabase database, bool ownsDatabase)
    {
        _database = database;
        _ownsDatabase = ownsDatabase;
        var s = database.Schema;
        _saveSql = $"""
            INSERT INTO {s}.snapshots (persistence_id, sequence_nr, manifest, payload, written_at)
            VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (persistence_id, sequence_nr) DO UPDATE
                SET manifest = excluded.manifest, payload = excluded.payload, written_at = excluded.written_at
            """;
        _loadSql = $"""
            SELECT sequence_nr, manifest, payload, written_at FROM {s}.snapshots
            WHERE persistence_id = $1 ORDER BY sequence_nr DESC LIMIT 1
            """;
        _deleteSql = $"DELETE FROM {s}.snapshots WHERE persistence_id = $1 AND sequence_nr <= $2";
    }

    public async Task SaveAsync(SnapshotEntry snapshot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        await using var command = _database.DataSource.CreateCommand(_saveSql);
        command.Parameters.Add(new NpgsqlParameter { Value = snapshot.PersistenceId });
        command.Parameters.Add(new NpgsqlParameter { Value = snapshot.SequenceNr });
        command.Parameters.Add(new NpgsqlParameter { Value = snapshot.Manifest });
        command.Parameters.Add(new NpgsqlParameter { Value = snapshot.Payload });
        command.Parameters.Add(new NpgsqlParameter { Value = snapshot.WrittenAt.ToUnixTimeMilliseconds() });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<SnapshotEntry?> LoadLatestAsync(string persistenceId, CancellationToken cancellationToken)
    {
        await using var command = _database.DataSource.CreateCommand(_loadSql);
        command.Parameters.Add(new NpgsqlParameter { Value = persistenceId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new SnapshotEntry(
            persistenceId,
            reader.GetInt64(0),
            reader.GetString(1),
            reader.GetFieldValue<byte[]>(2),
            DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)));
    }

    public async Task DeleteUpToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken)
    {
        await using var command = _database.DataSource.CreateCommand(_deleteSql);
        command.Parameters.Add(new NpgsqlParameter { Value = persistenceId });
        command.Parameters.Add(new NpgsqlParameter { Value = toSequenceNr });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_ownsDatabase)
        {
            await _database.DisposeAsync();
        }
    }
}
