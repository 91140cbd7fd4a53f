namespace Sn19.Tests.Actors.Persistence;

using Sn19.Actors.Persistence;
using Sn19.Actors.Persistence.Sqlite;
using Sn19.Tests.TestSupport;

public sealed class SqliteSnapshotStoreTests : SnapshotStoreSpec, IDisposable
{
    private readonly TempDirectory _directory = new("sn19-snapshots");

    public void Dispose() => _directory.Dispose();

    protected override async Task<ISnapshotStore> CreateStoreAsync()
    {
        var database = await SqliteDatabase.OpenAsync(new SqlitePersistenceOptions { Path = _directory.File("journal.db") }, default);
        return new SqliteSnapshotStore(database, ownsDatabase: true);
    }
}
