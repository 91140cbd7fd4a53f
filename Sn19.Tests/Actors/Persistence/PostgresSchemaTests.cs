namespace Sn19.Tests.Actors.Persistence;

using Sn19.Actors.Persistence;
using Sn19.Tests.TestSupport;

/// <summary>The journal's schema on the real PostgreSQL, made by every node as it starts.</summary>
public sealed class PostgresSchemaTests : IAsyncLifetime
{
    private readonly string _schema = TestPostgres.UniqueSchema("schema");

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => TestPostgres.DropSchemaAsync(_schema);

    [Fact]
    public async Task EnsureSchema_ManyNodesStartingAtOnce_NoneFails()
    {
        // Regression: "CREATE SCHEMA IF NOT EXISTS" is not atomic; a node of `sn19 local --validator-nodes 3` died of
        // the unique violation when its neighbour created the schema in the same instant.
        var options = TestPostgres.Persistence(_schema);

        await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => Task.Run(() => SqlPersistenceHocon.EnsureSchemaAsync(options, CancellationToken.None))));

        await SqlPersistenceHocon.EnsureSchemaAsync(options, CancellationToken.None);
    }
}
