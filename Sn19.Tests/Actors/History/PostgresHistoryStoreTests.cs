namespace Sn19.Tests.Actors.History;

using Npgsql;
using Sn19.Actors.History;
using Sn19.Tests.TestSupport;

/// <summary>The history spec on the real PostgreSQL server (a cluster's nodes share it), in a schema of its own.</summary>
public sealed class PostgresHistoryStoreTests : HistoryStoreSpec, IAsyncLifetime
{
    private readonly List<(HistoryDatabase Database, string Schema)> _opened = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var (database, schema) in _opened)
        {
            await database.DisposeAsync();
            await TestPostgres.DropSchemaAsync(schema);
        }
    }

    protected override async Task<HistoryStore> StoreAsync()
    {
        var schema = TestPostgres.UniqueSchema("history");
        await using (var source = NpgsqlDataSource.Create(TestPostgres.ConnectionString))
        await using (var create = source.CreateCommand($"CREATE SCHEMA {schema}"))
        {
            await create.ExecuteNonQueryAsync();
        }

        var database = HistoryDatabase.Postgres(TestPostgres.ConnectionString, schema);
        _opened.Add((database, schema));
        var store = new HistoryStore(database);
        await store.EnsureSchemaAsync(CancellationToken.None);
        return store;
    }
}
