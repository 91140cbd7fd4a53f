namespace Sn19.Actors.Persistence.Sqlite;

/// <summary>SQLite snapshots in the <c>snapshots</c> table of the journal's file.</summary>
internal sealed class SqliteSnapshotStore : ISnapshotStore
{
    private readonly SqliteDatabase _database;
    private readonly bool _ownsDatabase;

    public SqliteSnapshotStore(SqliteDatabase database, bool ownsDatabase)
    {
        _database = database;
        _ownsDatabase = ownsDatabase;
    }

    public Task SaveAsync(SnapshotEntry snapshot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return _database.WriteAsync(
            async connection =>
            {
                await using var command = connection.CreateCommand();
                command.CommandText = """
                    INSERT INTO snapshots (persistence_id, sequence_nr, manifest, payload, written_at)
                    VALUES ($id, $seq, $manifest, $payload, $at)
                    ON CONFLICT (persistence_id, sequence_nr) DO UPDATE
                        SET manifest = excluded.manifest, payload = excluded.payload, written_at = excluded.written_at;
                    """;
                command.Parameters.AddWithValue("$id", snapshot.PersistenceId);
                command.Parameters.AddWithValue("$seq", snapshot.SequenceNr);
                command.Parameters.AddWithValue("$manifest", snapshot.Manifest);
                command.Parameters.AddWithValue("$payload", snapshot.Payload);
                command.Parameters.AddWithValue("$at", snapshot.WrittenAt.ToUnixTimeMilliseconds());
                return await command.ExecuteNonQueryAsync(cancellationToken);
            },
            cancellationToken);
    }

    public async Task<SnapshotEntry?> LoadLatestAsync(string persistenceId, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenReadConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT sequence_nr, manifest, payload, written_at FROM snapshots
            WHERE persistence_id = $id ORDER BY sequence_nr DESC LIMIT 1;
            """;
        command.Parameters.AddWithValue("$id", persistenceId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new SnapshotEntry(
            persistenceId,
            reader.GetInt64(0),
            reader.GetString(1),
            (byte[])reader.GetValue(2),
            DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)));
    }

    public Task DeleteUpToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken) =>
        _database.WriteAsync(
            async connection =>
            {
                await using var command = connection.CreateCommand();
                command.CommandText = "DELETE FROM snapshots WHERE persistence_id = $id AND sequence_nr <= $to;";
                command.Parameters.AddWithValue("$id", persistenceId);
                command.Parameters.AddWithValue("$to", toSequenceNr);
                return await command.ExecuteNonQueryAsync(cancellationToken);
            },
            cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_ownsDatabase)
        {
            await _database.DisposeAsync();
        }
    }
}
