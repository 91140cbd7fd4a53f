namespace Sn19.Tests.Actors.Persistence;

using System.Collections.Concurrent;
using Sn19.Actors.Kernel;
using Sn19.Actors.Persistence;
using Sn19.Tests.Actors.Kernel;
using Sn19.Tests.TestSupport;

/// <summary>
/// Must show 2: two incarnations of one persistence id, each in its own actor system with its own store
/// connection (as two nodes would be). Both recover at the same point; the first writes; the second's append
/// conflicts, it stops with <see cref="PersistenceConflictException"/>, its parent is told, and the journal holds
/// only the first writer's events, numbered 1..n without gaps.
/// </summary>
public abstract class SingleWriterSpec : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public Task InitializeAsync() => Task.CompletedTask;

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task SecondIncarnation_AppendConflicts_StopsAndJournalIsNotInterleaved()
    {
        const string id = "contender-5F-text";
        await using var storeA = await OpenAsync();
        await using var storeB = await OpenAsync();
        var log = new ConcurrentQueue<string>();
        await using var nodeA = ActorSystem.Create("node-a");
        await using var nodeB = ActorSystem.Create("node-b");
        var first = nodeA.Spawn("counter", () => new CounterActor(storeA, id, "A"));
        var parentB = nodeB.Spawn("parent", () => new RecorderActor(log));
        var second = (ActorRef<CounterMessage>)(await parentB.AskAsync<object?>(
            r => new RecorderMessage.Run(c => c.Spawn("counter", () => new CounterActor(storeB, id, "B")), r),
            Timeout, default)).GetValueOrThrow()!;
        Assert.Equal(0, await PersistentActorTests.GetAsync(first));
        Assert.Equal(0, await PersistentActorTests.GetAsync(second));

        for (var i = 0; i < 3; i++)
        {
            await PersistentActorTests.AckAsync(first, 1);
        }

        var rejected = await second.AskAsync<long>(r => new CounterMessage.Increment(100, r), Timeout, default);
        await second.Stopped;
        await PersistentActorTests.AckAsync(first, 1);

        Assert.Equal(AskStatus.Dead, rejected.Status);
        await Testing.WaitUntilAsync(() => log.Contains("terminated /user/parent <- /user/parent/counter Failed"));
        var events = new List<JournalEvent>();
        await foreach (var e in storeA.Journal.ReadAsync(id, 1, default))
        {
            events.Add(e);
        }

        Assert.Equal([1L, 2, 3, 4], events.Select(e => e.SequenceNr));
        Assert.All(events, e => Assert.Equal("A", ((Incremented)storeA.Events.Deserialize(e.Manifest, e.Payload, id, e.SequenceNr)).Writer));
        Assert.Equal(4, await PersistentActorTests.GetAsync(first));
    }

    protected abstract Task<PersistenceRuntime> OpenAsync();
}
