namespace Sn19.Tests.Actors.Subnet.Metagraphs;

using Akka.Actor;
using Akka.TestKit;
using Akka.TestKit.Xunit2;
using Microsoft.Extensions.Logging.Abstractions;
using Sn19.Actors.Chain;
using Sn19.Actors.Chain.Local;
using Sn19.Actors.Hosting;
using Sn19.Actors.Subnet.Metagraphs;
using Sn19.Tests.Actors.Subnet.Tasks;
using Sn19.Tests.TestSupport;

/// <summary>The metagraph refresher on virtual time against the real local chain (in-memory SQLite).</summary>
public sealed class MetagraphRefreshActorTests() : TestKit(VirtualTime.Config)
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Timer_ReadsTheChainEachInterval_ReadersSeeTheNewView()
    {
        using var chain = LocalChain.Open(":memory:", 1, new SubnetHyperparameters());
        var watcher = new MetagraphWatcher(chain, NullLogger.Instance);
        var refresher = Sys.ActorOf(MetagraphRefreshActor.Props(watcher, Interval));
        // Its answer means it has started, so its timer counts from now: advancing cannot run ahead of it.
        await refresher.Ask<ActorDescription>(DescribeActor.Instance);
        (await chain.RegisterAsync(DevKeys.Address("Alice"), DevKeys.Address("Alice//cold"), default)).GetValueOrThrow();

        Assert.Empty(watcher.Current.Metagraph.Neurons);
        ((TestScheduler)Sys.Scheduler).Advance(Interval);
        AwaitCondition(() => watcher.Current.Metagraph.Neurons.Count == 1, TimeSpan.FromSeconds(30));
        // The view changes before the actor hears its read ended; until it does, a tick would be skipped as
        // "a read is still running". Each ask is a round trip, so this waits without sleeping.
        for (var asked = 0; asked < 10_000 && await RefreshedAsync(refresher) < 1; asked++)
        {
        }

        (await chain.RegisterAsync(DevKeys.Address("Bob"), DevKeys.Address("Bob//cold"), default)).GetValueOrThrow();
        ((TestScheduler)Sys.Scheduler).Advance(Interval);
        AwaitCondition(() => watcher.Current.Metagraph.Neurons.Count == 2, TimeSpan.FromSeconds(30));
    }

    private static async Task<long> RefreshedAsync(IActorRef refresher)
    {
        var summary = (await refresher.Ask<ActorDescription>(DescribeActor.Instance)).Summary;
        return System.Text.Json.JsonSerializer.SerializeToElement(summary).GetProperty("refreshed").GetInt64();
    }
}
