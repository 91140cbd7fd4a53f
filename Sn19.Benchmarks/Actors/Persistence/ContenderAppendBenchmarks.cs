namespace Sn19.Benchmarks.Actors.Persistence;

using BenchmarkDotNet.Attributes;
using Sn19.Actors.Hosting;
using Sn19.Actors.Mechanism;
using Sn19.Actors.Persistence;
using Sn19.Actors.Subnet.Contenders;

/// <summary>
/// Contender events through Akka.Persistence.Sql, as a period's scoring writes them: 256 contenders record
/// 20 queries each, every contender's asks in order and all contenders at once, each event acknowledged by
/// the store before the next (Akka batches the writes of all actors: akka.persistence.journal.sql.batch-size).
/// SQLite file (baseline) against PostgreSQL on loopback (SN19_TEST_POSTGRES, as the tests use; run
/// <c>export SN19_TEST_POSTGRES=$(bash scripts/ensure-postgres.sh)</c> first). Events/s = 5,120 / mean.
/// <code>dotnet run -c Release --project Sn19.Benchmarks -- --filter '*ContenderAppend*'</code>
/// </summary>
[Config(typeof(ActorBenchmarkConfig))]
public class ContenderAppendBenchmarks
{
    private const int Contenders = 256;
    private const int QueriesEach = 20;
    private static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"sn19-append-{Guid.NewGuid():N}");
    private readonly string _schema = $"bench_{Guid.NewGuid():N}"[..20];
    private NodeActorSystem? _sqlite;
    private NodeActorSystem? _postgres;
    private ActorContenders? _sqliteContenders;
    private ActorContenders? _postgresContenders;
    private long _round;

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup() => CleanupAsync().GetAwaiter().GetResult();

    [Benchmark(Baseline = true, OperationsPerInvoke = Contenders * QueriesEach)]
    public Task Sqlite() => RecordAsync(_sqliteContenders!);

    [Benchmark(OperationsPerInvoke = Contenders * QueriesEach)]
    public Task Postgres() => RecordAsync(_postgresContenders!);

    private async Task SetupAsync()
    {
        Directory.CreateDirectory(_dir);
        var postgres = Environment.GetEnvironmentVariable("SN19_TEST_POSTGRES")
            ?? throw new InvalidOperationException("SN19_TEST_POSTGRES is not set: export SN19_TEST_POSTGRES=$(bash scripts/ensure-postgres.sh)");
        var sqlite = new PersistenceOptions { SnapshotEvery = 0, Sqlite = new SqlitePersistenceOptions { Path = Path.Combine(_dir, "journal.db") } };
        var pg = new PersistenceOptions
        {
            Provider = "postgres",
            SnapshotEvery = 0,
            Postgres = new PostgresPersistenceOptions { ConnectionString = postgres, Schema = _schema },
        };
        (_sqlite, _sqliteContenders) = await StartAsync(sqlite);
        (_postgres, _postgresContenders) = await StartAsync(pg);
    }

    private static async Task<(NodeActorSystem, ActorContenders)> StartAsync(PersistenceOptions persistence)
    {
        await SqlPersistenceHocon.EnsureSchemaAsync(persistence, default);
        var node = await NodeActorSystem.StartAsync("bench", NodeConfig.Build(null, persistence), null, null, default);
        var contenders = new ActorContenders(node.System, new MechanismOptions(), 0);
        for (var c = 0; c < Contenders; c++)
        {
            await contenders.OpenAsync(Key(c), new PeriodOpening(0, Start, 60_000, 60_000, 0.08, 1), default);
        }

        return (node, contenders);
    }

    private async Task RecordAsync(ActorContenders contenders)
    {
        var first = Interlocked.Add(ref _round, QueriesEach) - QueriesEach;
        await Task.WhenAll(Enumerable.Range(0, Contenders).Select(async c =>
        {
            for (var q = 0; q < QueriesEach; q++)
            {
                await contenders.RecordAsync(Key(c), first + q, Start, false, QueryOutcome.Ok(300, TimeSpan.FromSeconds(2)), default);
            }
        }));
    }

    private static ContenderKey Key(int c) => new($"miner-{c:D4}", "chat");

    private async Task CleanupAsync()
    {
        await _sqlite!.DisposeAsync();
        await _postgres!.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
        await using var dataSource = Npgsql.NpgsqlDataSource.Create(Environment.GetEnvironmentVariable("SN19_TEST_POSTGRES")!);
        await using var drop = dataSource.CreateCommand($"DROP SCHEMA IF EXISTS {_schema} CASCADE");
        await drop.ExecuteNonQueryAsync();
    }
}
