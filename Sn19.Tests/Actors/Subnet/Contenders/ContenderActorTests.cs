namespace Sn19.Tests.Actors.Subnet.Contenders;

using Sn19.Actors.Kernel;
using Sn19.Actors.Mechanism;
using Sn19.Actors.Persistence;
using Sn19.Actors.Subnet.Contenders;
using Sn19.Tests.TestSupport;

/// <summary>The persistent contender on a real SQLite journal file.</summary>
public sealed class ContenderActorTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"sn19-contender-{Guid.NewGuid():N}");
    private readonly MechanismOptions _options = new();

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public async Task Restart_RecoversTheSameState(int snapshotEvery)
    {
        var key = new ContenderKey("5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty", "chat");
        ContenderSummary before;
        await using (var node = await Node.StartAsync(_dir, snapshotEvery, _options))
        {
            await Drive(node.Contenders, key);
            before = await node.Contenders.SummaryAsync(key, default);
        }

        await using var restarted = await Node.StartAsync(_dir, snapshotEvery, _options);
        var after = await restarted.Contenders.SummaryAsync(key, default);
        var aggregate = await restarted.Contenders.AggregateAsync(key, Start + TimeSpan.FromHours(1), false, default);

        Assert.Equal(before, after);
        Assert.Equal(12, after.Queries);
        Assert.Equal(1, after.QualitySamples);
        Assert.Equal(11, after.PendingChecks);
        Assert.NotNull(aggregate.Quality);
    }

    [Fact]
    public async Task Introspection_ShowsTheSummary()
    {
        await using var node = await Node.StartAsync(_dir, 0, _options);
        var key = new ContenderKey("hk", "chat");
        await Drive(node.Contenders, key);

        var info = await node.System.DescribeOneAsync("/user/" + ActorContenders.ActorName(key), TimeSpan.FromSeconds(10), default);

        Assert.NotNull(info);
        Assert.Contains("capacityToScore", info.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    private static async Task Drive(IContenderGateway contenders, ContenderKey key)
    {
        await contenders.OpenAsync(key, new PeriodOpening(0, Start, 60_000, 60_000, 0.08, 1), default);
        for (var i = 0; i < 12; i++)
        {
            await contenders.RecordAsync(key, i, Start + TimeSpan.FromSeconds(i), false, QueryOutcome.Ok(300, TimeSpan.FromSeconds(2)), default);
        }

        await contenders.RecordQualityAsync(key, 3, 0.9, default);
    }

    private sealed class Node : IAsyncDisposable
    {
        private Node(ActorSystem system, PersistenceRuntime persistence, ActorContenders contenders)
        {
            System = system;
            Persistence = persistence;
            Contenders = contenders;
        }

        public ActorSystem System { get; }

        public PersistenceRuntime Persistence { get; }

        public ActorContenders Contenders { get; }

        public static async Task<Node> StartAsync(string dir, int snapshotEvery, MechanismOptions options)
        {
            Directory.CreateDirectory(dir);
            var events = new EventTypeRegistry();
            ContenderActor.Register(events);
            var time = new ManualTimeProvider(Start);
            var persistence = await PersistenceRuntime.OpenAsync(
                new PersistenceOptions { SnapshotEvery = snapshotEvery, Sqlite = new SqlitePersistenceOptions { Path = Path.Combine(dir, "journal.db") } },
                events, time, null, default);
            var system = ActorSystem.Create("test", time: time);
            return new Node(system, persistence, new ActorContenders(system, persistence, options));
        }

        public async ValueTask DisposeAsync()
        {
            await System.DisposeAsync();
            await Persistence.DisposeAsync();
        }
    }
}
