namespace Sn19.Benchmarks.Actors.Persistence;

using BenchmarkDotNet.Attributes;
using Sn19.Benchmarks.Actors;
using Sn19.Actors.Persistence;
using Sn19.Actors.Persistence.Postgres;
using Sn19.Actors.Persistence.Sqlite;

/// <summary>
/// Persisted events per second: one atomic append of <see cref="BatchSize"/> events (~40-byte JSON each) per
/// call at the expected sequence number, the way <c>PersistAllAsync</c> writes. Results are per append
/// (OperationsPerInvoke), so events/s = BatchSize × 1 s / mean. SQLite runs with synchronous=FULL (every commit synced);
/// PostgreSQL uses the server that SN19_TEST_POSTGRES names (scripts/ensure-postgres.sh).
/// </summary>
[Config(typeof(ActorBenchmarkConfig))]
public class JournalAppendBenchmarks
{
    private const int Appends = 20;
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"sn19-bench-{Guid.NewGuid():N}");
    private readonly string _schema = $"bench_{Guid.NewGuid():N}"[..20];
    private IJournal? _sqlite;
    private IJournal? _postgres;
    private EventPayload[] _batch = [];
    private long _sqliteSeq;
    private long _postgresSeq;

    [Params(1, 100)]
    public int BatchSize { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var registry = new EventTypeRegistry().Register<BenchEvent>("bench.event");
        _batch = [.. Enumerable.Range(0, BatchSize).Select(i => registry.Serialize(new BenchEvent(i, "5FHneW46xGXgs5mUiveU4sbTyGBzmst")))];
        var database = await SqliteDatabase.OpenAsync(new SqlitePersistenceOptions { Path = Path.Combine(_directory, "journal.db") }, default);
        _sqlite = new SqliteJournal(database, ownsDatabase: true, TimeProvider.System);
        var connection = Environment.GetEnvironmentVariable("SN19_TEST_POSTGRES")
            ?? throw new InvalidOperationException("Set SN19_TEST_POSTGRES (bash scripts/ensure-postgres.sh prints it).");
        var postgres = await PostgresDatabase.OpenAsync(new PostgresPersistenceOptions { ConnectionString = connection, Schema = _schema }, default);
        _postgres = new PostgresJournal(postgres, ownsDatabase: true, TimeProvider.System);
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _sqlite!.DisposeAsync();
        await _postgres!.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(OperationsPerInvoke = Appends)]
    public async Task SqliteAppend()
    {
        for (var i = 0; i < Appends; i++)
        {
            Check(await _sqlite!.AppendAsync("bench-sqlite", _sqliteSeq, _batch, default));
            _sqliteSeq += _batch.Length;
        }
    }

    [Benchmark(OperationsPerInvoke = Appends)]
    public async Task PostgresAppend()
    {
        for (var i = 0; i < Appends; i++)
        {
            Check(await _postgres!.AppendAsync("bench-postgres", _postgresSeq, _batch, default));
            _postgresSeq += _batch.Length;
        }
    }

    private static void Check(AppendOutcome outcome)
    {
        if (outcome != AppendOutcome.Appended)
        {
            throw new InvalidOperationException($"append returned {outcome}; the benchmark's sequence tracking is wrong");
        }
    }
}
