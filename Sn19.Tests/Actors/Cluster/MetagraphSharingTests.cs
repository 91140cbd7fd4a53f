namespace Sn19.Tests.Actors.Cluster;

using Microsoft.Extensions.Logging.Abstractions;
using Sn19.Actors.Chain;
using Sn19.Actors.Chain.Local;
using Sn19.Actors.Cluster;
using Sn19.Actors.Hosting;
using Sn19.Actors.Persistence;
using Sn19.Actors.Subnet.Metagraphs;
using Sn19.Tests.TestSupport;

/// <summary>
/// The metagraph singleton of a two-node cluster (loopback, PostgreSQL): the oldest node reads the chain, and the
/// other node's view follows what it publishes without reading the chain itself.
/// </summary>
public sealed class MetagraphSharingTests : IAsyncLifetime
{
    private const string Topic = "sn19.metagraph";
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private readonly string _schema = TestPostgres.UniqueSchema("metagraph");

    private PersistenceOptions Persistence => TestPostgres.Persistence(_schema);

    public Task InitializeAsync() => SqlPersistenceHocon.EnsureSchemaAsync(Persistence, CancellationToken.None);

    public Task DisposeAsync() => TestPostgres.DropSchemaAsync(_schema);

    [Fact]
    public async Task OneNodeReadsTheChain_TheOtherTakesWhatItPublishes()
    {
        using var chain = LocalChain.Open(":memory:", 1, new SubnetHyperparameters());
        (await chain.RegisterAsync(DevKeys.Address("Alice"), DevKeys.Address("Alice//cold"), default)).GetValueOrThrow();
        await chain.ProduceBlockAsync(default);
        var ports = LoopbackPorts.Free(2);
        string[] seeds = [$"127.0.0.1:{ports[0]}"];
        var reader = new MetagraphWatcher(chain, NullLogger.Instance);
        // The second node's watcher has a chain nobody serves (a closed port): whatever it shows came from the first node.
        using var closed = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{LoopbackPorts.Free(1)[0]}/") };
        var follower = new MetagraphWatcher(new Sn19.Actors.Chain.Http.HttpChainClient(closed), NullLogger.Instance);
        await using var a = await StartNodeAsync(ports[0], seeds, reader);
        await using var b = await StartNodeAsync(ports[1], seeds, follower);

        await WaitUntilAsync(() => follower.Current.Metagraph.Neurons.Count == 1);
        (await chain.RegisterAsync(DevKeys.Address("Bob"), DevKeys.Address("Bob//cold"), default)).GetValueOrThrow();
        await chain.ProduceBlockAsync(default);
        await WaitUntilAsync(() => follower.Current.Metagraph.Neurons.Count == 2);

        Assert.Equal(reader.Current.Metagraph.Block, follower.Current.Metagraph.Block);
        Assert.Equal(DevKeys.Address("Bob"), follower.Current.Metagraph.Neurons[1].Hotkey);
    }

    private async Task<NodeActorSystem> StartNodeAsync(int port, string[] seeds, MetagraphWatcher watcher)
    {
        var cluster = new ClusterOptions { Port = port, SeedNodes = [.. seeds] };
        var node = await NodeActorSystem.StartAsync("validator", ClusterHocon.Build(cluster, "validator", Persistence), null, null, CancellationToken.None);
        // As the validator node does: the subscriber (and the pub-sub mediator) before the node joins.
        node.System.ActorOf(MetagraphSubscriberActor.Props(watcher, Topic), "metagraph-subscriber");
        await ValidatorCluster.JoinAsync(node.System, cluster, CancellationToken.None);
        ValidatorCluster.Singleton(node.System, cluster, "metagraph", MetagraphRefreshActor.Props(watcher, Interval, Topic));
        return node;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!condition())
        {
            await Task.Delay(100, deadline.Token);
        }
    }
}
