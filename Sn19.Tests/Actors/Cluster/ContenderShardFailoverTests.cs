namespace Sn19.Tests.Actors.Cluster;

using Akka.Actor;
using Akka.Cluster.Sharding;
using Sn19.Actors.Cluster;
using Sn19.Actors.Hosting;
using Sn19.Actors.Mechanism;
using Sn19.Actors.Persistence;
using Sn19.Actors.Subnet.Contenders;
using Sn19.Tests.TestSupport;

/// <summary>
/// Two validator nodes on loopback and one PostgreSQL journal, as a cluster runs: contenders spread over
/// both nodes' shard regions, and when one node leaves, its contenders come back on the other with the
/// state the journal holds.
/// </summary>
public sealed class ContenderShardFailoverTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly MechanismOptions Mechanism = new();
    private readonly string _schema = TestPostgres.UniqueSchema("shard");

    private PersistenceOptions Persistence => TestPostgres.Persistence(_schema);

    public Task InitializeAsync() => SqlPersistenceHocon.EnsureSchemaAsync(Persistence, CancellationToken.None);

    public Task DisposeAsync() => TestPostgres.DropSchemaAsync(_schema);

    [Fact]
    public async Task TwoNodes_ContendersSpreadOverBoth_ThoseOfALeavingNodeComeBackWithTheirState()
    {
        var (a, b) = await StartTwoNodesAsync();
        await using var nodeA = a.Node;
        await BothRegionsRegisteredAsync(a.Region);
        var contenders = new ActorContenders(a.Node.System, Mechanism, 0, journalOutlivesProcess: true, a.Region);
        var keys = Enumerable.Range(0, 24).Select(i => new ContenderKey($"miner-{i:D2}", "chat")).ToList();
        foreach (var key in keys)
        {
            await contenders.OpenAsync(key, new PeriodOpening(0, Start, 6_000, 60_000, 0.1, 1), CancellationToken.None);
            await contenders.RecordAsync(key, 1, Start, false, QueryOutcome.Ok(300, TimeSpan.FromSeconds(2)), CancellationToken.None);
            await contenders.RecordAsync(key, 2, Start, false, QueryOutcome.RateLimited, CancellationToken.None);
        }

        var onA = await EntityCountAsync(a.Region);
        var onB = await EntityCountAsync(b.Region);
        await Akka.Cluster.Cluster.Get(b.Node.System).LeaveAsync();
        await b.Node.DisposeAsync();
        var after = new List<ContenderSummary>();
        foreach (var key in keys)
        {
            after.Add(await contenders.SummaryAsync(key, CancellationToken.None));
        }

        Assert.Equal(keys.Count, onA + onB);
        Assert.True(onA > 0 && onB > 0, $"entities on A: {onA}, on B: {onB}");
        Assert.All(after, s => Assert.Equal((2, 1, 300.0, 0L), (s.Queries, s.RateLimited, s.Consumed, s.OpenPeriod ?? -1)));
        Assert.Equal(keys.Count, await EntityCountAsync(a.Region));
    }

    [Fact]
    public async Task Singleton_HoldsThePostgresLease_AndMovesWithItWhenItsNodeLeaves()
    {
        var (a, b) = await StartTwoNodesAsync();
        await using var nodeA = a.Node;
        await using var nodeB = b.Node;
        var options = new ClusterOptions();
        ValidatorCluster.Singleton(a.Node.System, options, "where", Props.Create(() => new WhereActor()));
        var proxyB = ValidatorCluster.Singleton(b.Node.System, options, "where", Props.Create(() => new WhereActor())).Proxy;

        var first = await proxyB.Ask<string>("where", TimeSpan.FromSeconds(30));
        var owner = await LeaseOwnerAsync();
        await Akka.Cluster.Cluster.Get(a.Node.System).LeaveAsync();
        var second = await proxyB.Ask<string>("where", TimeSpan.FromSeconds(60));

        Assert.Equal(Akka.Cluster.Cluster.Get(a.Node.System).SelfAddress.ToString(), first);
        // Akka names a singleton's lease owner by system@host:port.
        Assert.Equal(first, "akka.tcp://" + owner);
        Assert.Equal(Akka.Cluster.Cluster.Get(b.Node.System).SelfAddress.ToString(), second);
        Assert.Equal(second, "akka.tcp://" + await LeaseOwnerAsync());
    }

    private async Task<string?> LeaseOwnerAsync()
    {
        await using var database = Npgsql.NpgsqlDataSource.Create(TestPostgres.ConnectionString);
        await using var command = database.CreateCommand($"SELECT owner FROM {_schema}.sn19_lease WHERE name LIKE '%where%'");
        return await command.ExecuteScalarAsync() as string;
    }

    /// <summary>Two nodes on free loopback ports; the first is the seed, so it is the oldest.</summary>
    private async Task<((NodeActorSystem Node, IActorRef Region) A, (NodeActorSystem Node, IActorRef Region) B)> StartTwoNodesAsync()
    {
        var ports = LoopbackPorts.Free(2);
        string[] seeds = [$"127.0.0.1:{ports[0]}"];
        var a = await StartNodeAsync(ports[0], seeds);
        return (a, await StartNodeAsync(ports[1], seeds));
    }

    private async Task<(NodeActorSystem Node, IActorRef Region)> StartNodeAsync(int port, string[] seeds)
    {
        var cluster = new ClusterOptions { Port = port, SeedNodes = [.. seeds] };
        var config = ClusterHocon.Build(cluster, "validator", Persistence);
        var node = await NodeActorSystem.StartAsync("validator", config, null, null, CancellationToken.None);
        await ValidatorCluster.JoinAsync(node.System, cluster, CancellationToken.None);
        return (node, await ValidatorCluster.StartContendersAsync(node.System, cluster, Mechanism, 0));
    }

    /// <summary>New shards go to the region with the fewest; B's region must be known before any is allocated.</summary>
    private static async Task BothRegionsRegisteredAsync(IActorRef region)
    {
        // Each ask is a round trip to the shard coordinator; registration takes a retry interval or two.
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!deadline.IsCancellationRequested)
        {
            if ((await region.Ask<CurrentRegions>(GetCurrentRegions.Instance, TimeSpan.FromSeconds(5))).Regions.Count == 2)
            {
                return;
            }
        }

        Assert.Fail("the second node's contender region never registered with the shard coordinator");
    }

    private static async Task<int> EntityCountAsync(IActorRef region) =>
        (await region.Ask<CurrentShardRegionState>(GetShardRegionState.Instance, TimeSpan.FromSeconds(10))).Shards.Sum(s => s.EntityIds.Count);

    /// <summary>Answers with the address of the node it runs on.</summary>
    private sealed class WhereActor : ReceiveActor
    {
        public WhereActor() => Receive<string>(_ => Sender.Tell(Akka.Cluster.Cluster.Get(Context.System).SelfAddress.ToString()));
    }
}
