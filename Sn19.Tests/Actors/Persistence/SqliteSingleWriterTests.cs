namespace Sn19.Tests.Actors.Persistence;

using Sn19.Actors.Persistence;
using Sn19.Tests.TestSupport;

public sealed class SqliteSingleWriterTests : SingleWriterSpec
{
    private readonly TempDirectory _directory = new("sn19-single-writer");

    public override Task DisposeAsync()
    {
        _directory.Dispose();
        return Task.CompletedTask;
    }

    protected override Task<PersistenceRuntime> OpenAsync() =>
        PersistenceRuntime.OpenAsync(
            new PersistenceOptions { Sqlite = { Path = _directory.File("journal.db") } },
            CounterActor.Register(new EventTypeRegistry()), null, null, default);
}
