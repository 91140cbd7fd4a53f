namespace Sn19.Tests.Actors.Subnet.Contenders;

using Npgsql;
using Sn19.Actors.Persistence;
using Sn19.Tests.TestSupport;

/// <summary><see cref="ContenderPersistenceSpec"/> on the real PostgreSQL (PostgreSQL.15), as a cluster runs it; a schema of its own.</summary>
public sealed class PostgresContenderPersistenceTests : ContenderPersistenceSpec
{
    private readonly string _schema = TestPostgres.UniqueSchema("akka");

    public override Task DisposeAsync() => TestPostgres.DropSchemaAsync(_schema);

    protected override PersistenceOptions Persistence(int snapshotEvery) => new()
    {
        Provider = "postgres",
        SnapshotEvery = snapshotEvery,
        Postgres = new PostgresPersistenceOptions { ConnectionString = TestPostgres.ConnectionString, Schema = _schema },
    };

    protected override async Task<long[]> SnapshotSequenceNumbersAsync(string persistenceId)
    {
        await using var dataSource = NpgsqlDataSource.Create(TestPostgres.ConnectionString);
        await using var command = dataSource.CreateCommand(
            $"SELECT sequence_number FROM {_schema}.snapshot WHERE persistence_id = $1 ORDER BY sequence_number");
        command.Parameters.AddWithValue(persistenceId);
        var numbers = new List<long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            numbers.Add(reader.GetInt64(0));
        }

        return [.. numbers];
    }
}
