namespace Sn19.Benchmarks.Actors.Cluster;

using System.Diagnostics;
using System.Globalization;
using Akka.Actor;
using Akka.Cluster.Sharding;
using Npgsql;
using Sn19.Actors.Cluster;
using Sn19.Actors.Hosting;
using Sn19.Actors.Mechanism;
using Sn19.Actors.Persistence;
using Sn19.Actors.Subnet.Contenders;
using Sn19.Host.Local;

/// <summary>
/// One period's scoring work for many contenders on a validator cluster of one node and of three (in this process,
/// on loopback, one PostgreSQL journal), in one run so the two are compared on the same machine and database. Per
/// contender, as the coordinator and the query sender do it: open the period, record the queries, record a quality
/// check, close the period, read the aggregate the weights round uses; every call goes through the contender shard
/// region from the first node, as the node that drives the periods does. Prints wall time, journaled events per
/// second and time per phase, and the three-node run as a ratio of the one-node run.
/// <code>dotnet run -c Release --project Sn19.Benchmarks -- cluster-scale [--contenders 4096] [--queries 6] [--parallel 256] [--postgres CONNECTION]</code>
/// Without --postgres it uses SN19_TEST_POSTGRES, else this machine's PostgreSQL (scripts/ensure-postgres.sh).
/// Each run gets its own schema, dropped afterwards.
/// </summary>
internal static class ClusterScaleReport
{
    public const string Command = "cluster-scale";
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Period = TimeSpan.FromMinutes(60);
    private static readonly MechanismOptions Mechanism = new();

    public static async Task<int> RunAsync(string[] args)
    {
        var contenders = ReportArguments.IntOption(args, "--contenders", 4096);
        var queries = ReportArguments.IntOption(args, "--queries", 6);
        var parallel = ReportArguments.IntOption(args, "--parallel", 256);
        var postgres = ReportArguments.Option(args, "--postgres")
            ?? (Environment.GetEnvironmentVariable("SN19_TEST_POSTGRES") is { Length: > 0 } fromTests ? fromTests : await LocalPostgres.EnsureAsync(CancellationToken.None));

        Console.WriteLine($"One period's scoring work: {contenders} contenders × ({queries} queries + open, quality, close, aggregate), {parallel} calls in flight, " +
            $"{Environment.ProcessorCount} cores, PostgreSQL journal");
        // Warm-up: JIT, the database's caches and connection pools; not reported.
        await MeasureAsync(postgres, 1, Math.Min(contenders, 256), queries, parallel);
        var one = await MeasureAsync(postgres, 1, contenders, queries, parallel);
        var three = await MeasureAsync(postgres, 3, contenders, queries, parallel);

        Console.WriteLine("| nodes | contenders | events | wall time per period | events/s | open | record | quality | close | aggregate | entities per node |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var run in new[] { one, three })
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {run.Nodes} | {run.Contenders} | {run.Events} | {run.Wall.TotalSeconds:F2} s | {run.EventsPerSecond:F0} | " +
                $"{string.Join(" | ", run.Phases.Select(p => $"{p.TotalSeconds:F2} s"))} | {string.Join(" / ", run.EntitiesPerNode)} |"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Three nodes against one: wall time × {three.Wall / one.Wall:F2}, events/s × {three.EventsPerSecond / one.EventsPerSecond:F2}"));
        return 0;
    }

    private static async Task<ScaleRun> MeasureAsync(string postgres, int nodeCount, int contenders, int queries, int parallel)
    {
        var schema = $"sn19_scale_{Guid.NewGuid():N}"[..24];
        var persistence = new PersistenceOptions
        {
            Provider = "postgres",
            Postgres = new PostgresPersistenceOptions { ConnectionString = postgres, Schema = schema },
        };
        await SqlPersistenceHocon.EnsureSchemaAsync(persistence, CancellationToken.None);
        var nodes = new List<(NodeActorSystem System, IActorRef Region)>();
        try
        {
            var ports = LoopbackPorts.Free(nodeCount);
            foreach (var port in ports)
            {
                var cluster = new ClusterOptions { Port = port, SeedNodes = [$"127.0.0.1:{ports[0]}"] };
                var system = await NodeActorSystem.StartAsync("validator", ClusterHocon.Build(cluster, "validator", persistence), null, null, CancellationToken.None);
                await ValidatorCluster.JoinAsync(system.System, cluster, CancellationToken.None);
                nodes.Add((system, await ValidatorCluster.StartContendersAsync(system.System, cluster, Mechanism, persistence.SnapshotEvery)));
            }

            await RegionsRegisteredAsync(nodes[0].Region, nodeCount);
            var gateway = new ActorContenders(nodes[0].System.System, Mechanism, persistence.SnapshotEvery, journalOutlivesProcess: true, nodes[0].Region);
            var keys = Enumerable.Range(0, contenders).Select(i => new ContenderKey($"5Miner{i:D5}", (i % 4) switch { 0 => "chat", 1 => "completion", 2 => "chat-large", _ => "completion-large" })).ToList();
            var phases = new List<TimeSpan>();
            var wall = Stopwatch.StartNew();
            phases.Add(await PhaseAsync(keys, parallel, (k, ct) => gateway.OpenAsync(k, new PeriodOpening(0, Start, 2_400, 8_000, 0.1, 4), ct)));
            phases.Add(await PhaseAsync(keys, parallel, async (k, ct) =>
            {
                for (var q = 1; q <= queries; q++)
                {
                    await gateway.RecordAsync(k, q, Start + TimeSpan.FromSeconds(q), false, QueryOutcome.Ok(40, TimeSpan.FromSeconds(0.5)), ct);
                }
            }));
            phases.Add(await PhaseAsync(keys, parallel, (k, ct) => gateway.RecordQualityAsync(k, 1, 0.97, ct)));
            phases.Add(await PhaseAsync(keys, parallel, (k, ct) => gateway.CloseAsync(k, 0, Start + Period, ct)));
            phases.Add(await PhaseAsync(keys, parallel, (k, ct) => gateway.AggregateAsync(k, Start + Period, false, ct)));
            wall.Stop();
            var entities = new List<int>();
            foreach (var (_, region) in nodes)
            {
                var stats = await region.Ask<ShardRegionStats>(GetShardRegionStats.Instance, TimeSpan.FromSeconds(30));
                entities.Add(stats.Stats.Values.Sum());
            }

            var events = await CountEventsAsync(postgres, schema);
            return new ScaleRun(nodeCount, contenders, events, wall.Elapsed, phases, entities);
        }
        finally
        {
            foreach (var (system, _) in Enumerable.Reverse(nodes))
            {
                await system.DisposeAsync();
            }

            await using var source = NpgsqlDataSource.Create(postgres);
            await using var drop = source.CreateCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE");
            await drop.ExecuteNonQueryAsync();
        }
    }

    private static async Task<TimeSpan> PhaseAsync(List<ContenderKey> keys, int parallel, Func<ContenderKey, CancellationToken, ValueTask> work)
    {
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(keys, new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (key, ct) => await work(key, ct));
        return watch.Elapsed;
    }

    private static async Task<TimeSpan> PhaseAsync<T>(List<ContenderKey> keys, int parallel, Func<ContenderKey, CancellationToken, ValueTask<T>> work) =>
        await PhaseAsync(keys, parallel, async (key, ct) => { await work(key, ct); });

    /// <summary>New shards go to the region with the fewest: every node's region must be known first.</summary>
    private static async Task RegionsRegisteredAsync(IActorRef region, int count)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while ((await region.Ask<CurrentRegions>(GetCurrentRegions.Instance, TimeSpan.FromSeconds(10))).Regions.Count < count)
        {
            await Task.Delay(200, deadline.Token);
        }
    }

    private static async Task<long> CountEventsAsync(string postgres, string schema)
    {
        await using var source = NpgsqlDataSource.Create(postgres);
        await using var count = source.CreateCommand($"SELECT count(*) FROM {schema}.journal");
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
