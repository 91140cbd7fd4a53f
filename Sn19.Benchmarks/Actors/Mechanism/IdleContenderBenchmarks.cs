namespace Sn19.Benchmarks.Actors.Mechanism;

using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Sn19.Actors.Hosting;
using Sn19.Actors.Mechanism;
using Sn19.Actors.Persistence;
using Sn19.Actors.Subnet.Contenders;

/// <summary>
/// Idle contender actors: the retained memory per actor (printed by the setup as
/// "retained bytes per idle contender actor", measured over <see cref="Count"/> actors with an open period
/// and a handful of recorded queries) and the cost of asking an idle one for its summary.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Throughput, warmupCount: 2, iterationCount: 5)]
public class IdleContenderBenchmarks
{
    private const int Count = 2_000;
    private static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"sn19-bench-{Guid.NewGuid():N}");
    private NodeActorSystem? _akka;
    private ActorContenders? _contenders;
    private ContenderKey _probe;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        Directory.CreateDirectory(_dir);
        var persistence = new PersistenceOptions { Sqlite = new SqlitePersistenceOptions { Path = Path.Combine(_dir, "journal.db") } };
        _akka = await NodeActorSystem.StartAsync("bench", NodeConfig.Build(null, persistence), null, null, default);
        _contenders = new ActorContenders(_akka.System, new MechanismOptions(), persistence.SnapshotEvery);

        _probe = new ContenderKey("probe", "chat");
        await Warm(_probe);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        for (var i = 0; i < Count; i++)
        {
            await Warm(new ContenderKey($"miner-{i:D5}", "chat"));
        }

        var after = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine($"// retained bytes per idle contender actor: {(after - before) / Count} (over {Count} actors)");
    }

    [Benchmark]
    public async Task<ContenderSummary> AskIdleContender() => await _contenders!.SummaryAsync(_probe, default);

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _akka!.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private async Task Warm(ContenderKey key)
    {
        await _contenders!.OpenAsync(key, new PeriodOpening(0, Start, 60_000, 60_000, 0.04, 1), default);
        for (var q = 0; q < 3; q++)
        {
            await _contenders.RecordAsync(key, q, Start, false, QueryOutcome.Ok(300, TimeSpan.FromSeconds(2)), default);
        }
    }
}
