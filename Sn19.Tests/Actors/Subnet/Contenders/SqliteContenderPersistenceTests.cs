namespace Sn19.Tests.Actors.Subnet.Contenders;

using Microsoft.Data.Sqlite;
using Sn19.Actors.Persistence;

/// <summary><see cref="ContenderPersistenceSpec"/> on a SQLite file (SQLite.MS), as one node runs it.</summary>
public sealed class SqliteContenderPersistenceTests : ContenderPersistenceSpec
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"sn19-akka-sqlite-{Guid.NewGuid():N}");

    private string File => Path.Combine(_dir, "journal.db");

    public override Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }

        return Task.CompletedTask;
    }

    protected override PersistenceOptions Persistence(int snapshotEvery) =>
        new() { SnapshotEvery = snapshotEvery, Sqlite = new SqlitePersistenceOptions { Path = File } };

    protected override async Task<long[]> SnapshotSequenceNumbersAsync(string persistenceId)
    {
        await using var connection = new SqliteConnection($"Data Source={File}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT sequence_number FROM snapshot WHERE persistence_id = $id ORDER BY sequence_number";
        command.Parameters.AddWithValue("$id", persistenceId);
        var numbers = new List<long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            numbers.Add(reader.GetInt64(0));
        }

        return [.. numbers];
    }
}
