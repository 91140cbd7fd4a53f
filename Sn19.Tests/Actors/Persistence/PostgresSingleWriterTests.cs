namespace Sn19.Tests.Actors.Persistence;

using Sn19.Actors.Persistence;
using Sn19.Tests.TestSupport;

public sealed class PostgresSingleWriterTests : SingleWriterSpec
{
    private readonly string _schema = TestPostgres.UniqueSchema("single_writer");

    public override Task DisposeAsync() => TestPostgres.DropSchemaAsync(_schema);

    protected override Task<PersistenceRuntime> OpenAsync() =>
        PersistenceRuntime.OpenAsync(
            new PersistenceOptions
            {
                Provider = "postgres",
                Postgres = { ConnectionString = TestPostgres.ConnectionString, Schema = _schema },
            },
            CounterActor.Register(new EventTypeRegistry()), null, null, default);
}
