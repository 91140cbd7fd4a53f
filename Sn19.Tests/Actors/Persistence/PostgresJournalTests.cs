namespace Sn19.Tests.Actors.Persistence;

using Sn19.Actors.Persistence;
using Sn19.Actors.Persistence.Postgres;
using Sn19.Tests.TestSupport;

public sealed class PostgresJournalTests : JournalSpec
{
    private readonly string _schema = TestPostgres.UniqueSchema("journal");

    protected override async Task<IJournal> CreateJournalAsync()
    {
        var options = new PostgresPersistenceOptions { ConnectionString = TestPostgres.ConnectionString, Schema = _schema };
        var database = await PostgresDatabase.OpenAsync(options, default);
        return new PostgresJournal(database, ownsDatabase: true, TimeProvider.System);
    }

    protected override Task CleanUpAsync() => TestPostgres.DropSchemaAsync(_schema);
}
