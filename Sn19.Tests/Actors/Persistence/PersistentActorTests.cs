namespace Sn19.Tests.Actors.Persistence;

using System.Text;
using Sn19.Actors.Kernel;
using Sn19.Actors.Persistence;
using Sn19.Tests.Actors.Kernel;
using Sn19.Tests.TestSupport;

public sealed class PersistentActorTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly TempDirectory _directory = new("sn19-persistent");

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Persist_ThenNewSystem_RecoversState()
    {
        await using (var persistence = await OpenAsync())
        await using (var system = ActorSystem.Create("first"))
        {
            var counter = system.Spawn("counter", () => new CounterActor(persistence, "counter-1", "first"));
            for (var i = 1; i <= 10; i++)
            {
                Assert.Equal(i * (i + 1) / 2, await AckAsync(counter, i));
            }
        }

        await using (var persistence = await OpenAsync())
        await using (var system = ActorSystem.Create("second"))
        {
            var counter = system.Spawn("counter", () => new CounterActor(persistence, "counter-1", "second"));
            Assert.Equal(55, await GetAsync(counter));
            var info = await system.DescribeOneAsync("/user/counter", Timeout, default);
            Assert.Equal("counter-1", info!.PersistenceId);
            Assert.Equal(10, info.SequenceNr);
            Assert.Equal(55, info.Summary!.Value.GetProperty("value").GetInt64());
        }
    }

    [Fact]
    public async Task SnapshotEvery_RecoveryIsSnapshotPlusReplay()
    {
        await using var persistence = await OpenAsync(snapshotEvery: 4);
        await using (var system = ActorSystem.Create("writer"))
        {
            var counter = system.Spawn("counter", () => new CounterActor(persistence, "counter-snap", "writer"));
            for (var i = 0; i < 10; i++)
            {
                await AckAsync(counter, 1);
            }
        }

        var snapshot = await persistence.Snapshots.LoadLatestAsync("counter-snap", default);
        Assert.Equal(8, snapshot!.SequenceNr);

        // Events covered by the snapshot are gone; recovery must come from snapshot (8) + events 9..10.
        await persistence.Journal.DeleteUpToAsync("counter-snap", 8, default);
        await using var reader = ActorSystem.Create("reader");
        var recovered = reader.Spawn("counter", () => new CounterActor(persistence, "counter-snap", "reader"));
        Assert.Equal(10, await GetAsync(recovered));
        Assert.Equal(11, await AckAsync(recovered, 1));
    }

    /// <summary>Must show 4: a failing persistent actor restarts, recovers its state, and finally stops; its parent hears.</summary>
    [Fact]
    public async Task Crash_RestartsAndRecovers_ThenStopsAfterMaxRestartsAndParentIsTold()
    {
        await using var persistence = await OpenAsync();
        var log = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var options = new ActorSystemOptions { Supervision = new SupervisionOptions { MaxRestarts = 3, MinBackoff = TimeSpan.Zero } };
        await using var system = ActorSystem.Create("supervised", options);
        var parent = system.Spawn("parent", () => new RecorderActor(log));
        var spawned = await parent.AskAsync<object?>(
            r => new RecorderMessage.Run(c => c.Spawn("counter", () => new CounterActor(persistence, "counter-crash", "w")), r),
            Timeout, default);
        var counter = (ActorRef<CounterMessage>)spawned.GetValueOrThrow()!;
        await AckAsync(counter, 7);

        for (var crash = 1; crash <= 3; crash++)
        {
            counter.Tell(new CounterMessage.Crash($"crash {crash}"));
            Assert.Equal(7, await GetAsync(counter));
            var info = await system.DescribeOneAsync("/user/parent/counter", Timeout, default);
            Assert.Equal(crash, info!.Restarts);
            Assert.Equal(1, info.SequenceNr);
        }

        counter.Tell(new CounterMessage.Crash("one too many"));

        await counter.Stopped;
        await Testing.WaitUntilAsync(() => log.Contains("terminated /user/parent <- /user/parent/counter Failed"));
        Assert.Null(system.Find("/user/parent/counter"));
    }

    [Fact]
    public async Task Recovery_UnknownManifest_FailsAndStops()
    {
        await using var persistence = await OpenAsync();
        await persistence.Journal.AppendAsync(
            "counter-bad", 0, [new EventPayload("test.counter.renamed", Encoding.UTF8.GetBytes("{}"))], default);
        var options = new ActorSystemOptions { Supervision = new SupervisionOptions { MaxRestarts = 1, MinBackoff = TimeSpan.Zero } };
        await using var system = ActorSystem.Create("bad", options);

        var counter = system.Spawn("counter", () => new CounterActor(persistence, "counter-bad", "w"));

        await counter.Stopped;
        var error = Assert.Throws<UnknownManifestException>(
            () => persistence.Events.Deserialize("test.counter.renamed", [], "counter-bad", 1));
        Assert.Contains("'test.counter.renamed'", error.Message, StringComparison.Ordinal);
        Assert.Contains("counter-bad", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EventTypeRegistry_RoundTripsAndRejectsClashes()
    {
        var registry = CounterActor.Register(new EventTypeRegistry());

        var payload = registry.Serialize(new Incremented(3, "w"));

        Assert.Equal("test.counter.incremented", payload.Manifest);
        Assert.Equal("{\"by\":3,\"writer\":\"w\"}", Encoding.UTF8.GetString(payload.Payload));
        Assert.Equal(new Incremented(3, "w"), registry.Deserialize(payload.Manifest, payload.Payload, "p", 1));
        Assert.Throws<ArgumentException>(() => registry.Register<CounterSnapshot>("test.counter.incremented"));
        Assert.Throws<InvalidOperationException>(() => registry.Serialize("not registered"));
    }

    internal static async Task<long> AckAsync(ActorRef<CounterMessage> counter, long by) =>
        (await counter.AskAsync<long>(r => new CounterMessage.Increment(by, r), Timeout, default)).GetValueOrThrow();

    internal static async Task<long> GetAsync(ActorRef<CounterMessage> counter) =>
        (await counter.AskAsync<long>(r => new CounterMessage.Get(r), Timeout, default)).GetValueOrThrow();

    private Task<PersistenceRuntime> OpenAsync(int snapshotEvery = 0) =>
        PersistenceRuntime.OpenAsync(
            new PersistenceOptions { SnapshotEvery = snapshotEvery, Sqlite = { Path = _directory.File("journal.db") } },
            CounterActor.Register(new EventTypeRegistry()),
            null,
            null,
            default);
}
