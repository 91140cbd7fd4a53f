namespace Sn19.Tests.Actors.Subnet.Contenders;

using Akka.Actor;
using Sn19.Actors.Hosting;
using Sn19.Actors.Mechanism;
using Sn19.Actors.Persistence;
using Sn19.Actors.Subnet.Contenders;

/// <summary>
/// The persistent contender on Akka.Persistence.Sql, one spec run against each store (a SQLite file and the
/// real PostgreSQL): recovery gives back exactly the acknowledged state, with and without snapshots; old
/// snapshots are pruned; a second incarnation of the same contender cannot interleave its events with the
/// first's (the store refuses the duplicate sequence number, and that incarnation stops).
/// </summary>
public abstract class ContenderPersistenceSpec : IAsyncLifetime
{
    internal static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly ContenderKey Key = new("5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty", "chat");
    private readonly MechanismOptions _options = new();
    private readonly Dictionary<NodeActorSystem, IContenderGateway> _gateways = [];

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public async Task Restart_RecoversTheSameState(int snapshotEvery)
    {
        ContenderSummary before;
        await using (var node = await StartAsync(snapshotEvery))
        {
            await DriveAsync(Contenders(node, snapshotEvery), Key);
            before = await Contenders(node, snapshotEvery).SummaryAsync(Key, default);
        }

        await using var restarted = await StartAsync(snapshotEvery);
        var contenders = Contenders(restarted, snapshotEvery);
        var after = await contenders.SummaryAsync(Key, default);
        var aggregate = await contenders.AggregateAsync(Key, Start + TimeSpan.FromHours(1), false, default);

        Assert.Equal(before, after);
        Assert.Equal(12, after.Queries);
        Assert.Equal(1, after.QualitySamples);
        Assert.Equal(11, after.PendingChecks);
        Assert.NotNull(aggregate.Quality);
    }

    [Fact]
    public async Task Keys_AfterRestart_IncludeEveryContenderWithAJournal()
    {
        var other = new ContenderKey("5FLSigC9HGRKVhB9FiEo4Y3koPsNmBmLJbpXg2mp1hXcS59Y", "completion");
        await using (var node = await StartAsync(0))
        {
            await DriveAsync(Contenders(node, 0), Key);
            await DriveAsync(Contenders(node, 0), other);
        }

        await using var restarted = await StartAsync(0);
        var keys = await Contenders(restarted, 0).KeysAsync(default);

        Assert.Equal([Key, other], keys);
    }

    [Fact]
    public async Task Snapshots_OnlyTheLatestIsKept()
    {
        await using (var node = await StartAsync(snapshotEvery: 5))
        {
            // 14 events: snapshots at 5 and 10; the one at 5 is deleted once the one at 10 is saved.
            await DriveAsync(Contenders(node, 5), Key);
            await WaitUntilAsync(async () => await SnapshotSequenceNumbersAsync(Key.PersistenceId) is [10]);
        }

        var kept = await SnapshotSequenceNumbersAsync(Key.PersistenceId);
        Assert.Equal([10L], kept);
    }

    [Fact]
    public async Task SecondIncarnation_SameSequenceNumber_RefusedAndStops()
    {
        await using var nodeA = await StartAsync(0);
        await using var nodeB = await StartAsync(0);
        var a = nodeA.System.ActorOf(ContenderActor.Props(Key, _options, 0), "a");
        var b = nodeB.System.ActorOf(ContenderActor.Props(Key, _options, 0), "b");
        var opening = new OpenPeriod(Key, new PeriodOpening(0, Start, 60_000, 60_000, 0.08, 1));
        await a.Ask<ContenderSummary>(opening, TimeSpan.FromSeconds(30));
        await b.Ask<ContenderSummary>(new GetContenderSummary(Key), TimeSpan.FromSeconds(30));

        // Both recovered to the same point; B's view is stale: its next event reuses A's next sequence number.
        await a.Ask<ContenderSummary>(new RecordQuery(Key, 1, Start, false, QueryOutcome.Ok(300, TimeSpan.FromSeconds(1))), TimeSpan.FromSeconds(30));
        var watcher = nodeB.System.ActorOf(Props.Create(() => new DeathWatcher(b)));
        b.Tell(new OpenPeriod(Key, new PeriodOpening(1, Start, 1, 1, 0.08, 1)));

        Assert.True(await watcher.Ask<bool>(DeathWatcher.Query.Instance, TimeSpan.FromSeconds(30)));
        await using var reader = await StartAsync(0);
        var recovered = await Contenders(reader, 0).SummaryAsync(Key, default);
        Assert.Equal(1, recovered.Queries);
        Assert.Equal(0, recovered.OpenPeriod);
    }

    internal static async Task DriveAsync(IContenderGateway contenders, ContenderKey key)
    {
        await contenders.OpenAsync(key, new PeriodOpening(0, Start, 60_000, 60_000, 0.08, 1), default);
        for (var i = 0; i < 12; i++)
        {
            await contenders.RecordAsync(key, i, Start + TimeSpan.FromSeconds(i), false, QueryOutcome.Ok(300, TimeSpan.FromSeconds(2)), default);
        }

        await contenders.RecordQualityAsync(key, 3, 0.9, default);
    }

    /// <summary>The store this spec runs against.</summary>
    protected abstract PersistenceOptions Persistence(int snapshotEvery);

    /// <summary>Sequence numbers of the snapshots stored for <paramref name="persistenceId"/>.</summary>
    protected abstract Task<long[]> SnapshotSequenceNumbersAsync(string persistenceId);

    private async Task<NodeActorSystem> StartAsync(int snapshotEvery)
    {
        var persistence = Persistence(snapshotEvery);
        await SqlPersistenceHocon.EnsureSchemaAsync(persistence, default);
        return await NodeActorSystem.StartAsync("test", NodeConfig.Build(null, persistence), null, null, default);
    }

    private IContenderGateway Contenders(NodeActorSystem node, int snapshotEvery) =>
        _gateways.TryGetValue(node, out var gateway) ? gateway : _gateways[node] = new ActorContenders(node.System, _options, snapshotEvery);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!await condition())
        {
            await Task.Delay(20, deadline.Token);
        }
    }
}
