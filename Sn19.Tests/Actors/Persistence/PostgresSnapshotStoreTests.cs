namespace Sn19.Tests.Actors.Persistence;

using Sn19.Actors.Persistence;
using Sn19.Actors.Persistence.Postgres;
using Sn19.Tests.TestSupport;

public sealed class PostgresSnapshotStoreTests : SnapshotStoreSpec
{
    private readonly string _schema = TestPostgres.UniqueSchema("snapshots");

    protected override async Task<ISnapshotStore> CreateStoreAsync()
    {
        var options = new PostgresPersistenceOptions { ConnectionString = TestPostgres.ConnectionString, Schema = _schema };
        var database = await PostgresDatabase.OpenAsync(options, default);
        return new PostgresSnapshotStore(database, ownsDatabase: true);
    }

    protected override Task CleanUpAsync() => TestPostgres.DropSchemaAsync(_schema);
}
