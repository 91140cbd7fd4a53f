namespace Sn19.Tests.Actors.History;

using Microsoft.Data.Sqlite;
using Sn19.Actors.History;
using Sn19.Tests.TestSupport;

/// <summary>The history spec on a real SQLite file (a validator node alone).</summary>
public sealed class SqliteHistoryStoreTests : HistoryStoreSpec, IAsyncLifetime
{
    private readonly TempDirectory _directory = new("sn19-history");
    private HistoryDatabase? _database;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }

    protected override async Task<HistoryStore> StoreAsync()
    {
        _database = HistoryDatabase.Sqlite(_directory.File("history.db"));
        var store = new HistoryStore(_database);
        await store.EnsureSchemaAsync(CancellationToken.None);
        return store;
    }
}
