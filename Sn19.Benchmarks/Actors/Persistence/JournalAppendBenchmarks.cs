namespace Sn19.Benchmarks.Actors.Persistence;

using BenchmarkDotNet.Attributes;
using Sn19.Actors.Persistence;
using Sn19.Actors.Persistence.Postgres;
using Sn19.Actors.Persistence.Sqlite;

/// <summary>
/// Persisted events per second, every result per EVENT (OperationsPerInvoke), so events/s = 1 s / mean:
/// <list type="bullet">
/// <item>Batch100: one writer, atomic appends of 100 events at the expected sequence number (PersistAllAsync);</item>
/// <item>Single: one writer, one event per append, each awaited (PersistAsync in a loop);</item>
/// <item>ConcurrentSingles: 100 writers (persistence ids) at once, each 10 single-event appends in turn, as many
/// contender actors would; on SQLite they share commits through the group commit.</item>
/// </list>
/// Events are ~60-byte JSON. SQLite runs with synchronous=FULL (every commit synced); PostgreSQL is the server
/// SN19_TEST_POSTGRES names (scripts/ensure-postgres.sh), default settings.
/// </summary>
[Config(typeof(ActorBenchmarkConfig))]
public class JournalAppendBenchmarks
{
    private const int Appends = 20;
    private const int Batch = 100;
    private const int Writers = 100;
    private const int AppendsPerWriter = 10;
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"sn19-bench-{Guid.NewGuid():N}");
    private readonly string _schema = $"bench_{Guid.NewGuid():N}"[..20];
    private readonly Dictionary<string, long> _sequenceNrs = [];
    private IJournal? _sqlite;
    private IJournal? _postgres;
    private EventPayload[] _batch = [];
    private EventPayload[] _single = [];
    private int _round;

    /// <summary>Synchronous on purpose: the in-process toolchain does not await an async GlobalSetup.</summary>
    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup() => CleanupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        var registry = new EventTypeRegistry().Register<BenchEvent>("bench.event");
        _batch = [.. Enumerable.Range(0, Batch).Select(i => registry.Serialize(new BenchEvent(i, "5FHneW46xGXgs5mUiveU4sbTyGBzmst")))];
        _single = [_batch[0]];
        var database = await SqliteDatabase.OpenAsync(new SqlitePersistenceOptions { Path = Path.Combine(_directory, "journal.db") }, default);
        _sqlite = new SqliteJournal(database, ownsDatabase: true, TimeProvider.System);
        var connection = Environment.GetEnvironmentVariable("SN19_TEST_POSTGRES")
            ?? throw new InvalidOperationException("Set SN19_TEST_POSTGRES (bash scripts/ensure-postgres.sh prints it).");
        var postgres = await PostgresDatabase.OpenAsync(new PostgresPersistenceOptions { ConnectionString = connection, Schema = _schema }, default);
        _postgres = new PostgresJournal(postgres, ownsDatabase: true, TimeProvider.System);
    }

    private async Task CleanupAsync()
    {
        await _sqlite!.DisposeAsync();
        await _postgres!.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(OperationsPerInvoke = Appends * Batch)]
    public Task SqliteBatch100() => OneWriterAsync(_sqlite!, "sqlite-batch", _batch);

    [Benchmark(OperationsPerInvoke = Appends)]
    public Task SqliteSingle() => OneWriterAsync(_sqlite!, "sqlite-single", _single);

    [Benchmark(OperationsPerInvoke = Writers * AppendsPerWriter)]
    public Task SqliteConcurrentSingles() => ManyWritersAsync(_sqlite!, "sqlite-many");

    [Benchmark(OperationsPerInvoke = Appends * Batch)]
    public Task PostgresBatch100() => OneWriterAsync(_postgres!, "postgres-batch", _batch);

    [Benchmark(OperationsPerInvoke = Appends)]
    public Task PostgresSingle() => OneWriterAsync(_postgres!, "postgres-single", _single);

    [Benchmark(OperationsPerInvoke = Writers * AppendsPerWriter)]
    public Task PostgresConcurrentSingles() => ManyWritersAsync(_postgres!, "postgres-many");

    private async Task OneWriterAsync(IJournal journal, string id, EventPayload[] events)
    {
        var seq = _sequenceNrs.GetValueOrDefault(id);
        for (var i = 0; i < Appends; i++)
        {
            Check(await journal.AppendAsync(id, seq, events, default));
            seq += events.Length;
        }

        _sequenceNrs[id] = seq;
    }

    private Task ManyWritersAsync(IJournal journal, string prefix)
    {
        // Fresh ids each invocation, so every writer starts at sequence 0.
        var round = Interlocked.Increment(ref _round);
        return Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            var id = $"{prefix}-{round}-{w}";
            for (var seq = 0; seq < AppendsPerWriter; seq++)
            {
                Check(await journal.AppendAsync(id, seq, _single, default));
            }
        })));
    }

    private static void Check(AppendOutcome outcome)
    {
        if (outcome != AppendOutcome.Appended)
        {
            throw new InvalidOperationException($"append returned {outcome}; the benchmark's sequence tracking is wrong");
        }
    }
}
