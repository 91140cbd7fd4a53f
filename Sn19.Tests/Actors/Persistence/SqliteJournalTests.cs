namespace Sn19.Tests.Actors.Persistence;

using Sn19.Actors.Persistence;
using Sn19.Actors.Persistence.Sqlite;
using Sn19.Tests.TestSupport;

public sealed class SqliteJournalTests : JournalSpec, IDisposable
{
    private readonly TempDirectory _directory = new("sn19-journal");

    public void Dispose() => _directory.Dispose();

    protected override async Task<IJournal> CreateJournalAsync()
    {
        var database = await SqliteDatabase.OpenAsync(new SqlitePersistenceOptions { Path = _directory.File("journal.db") }, default);
        return new SqliteJournal(database, ownsDatabase: true, TimeProvider.System);
    }
}
