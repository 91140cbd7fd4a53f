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

        (await chain.RegisterAsync(DevKeys.Address("Bob"), DevKeys.Address("Bob//cold"), default)).GetValueOrThrow();
        ((TestScheduler)Sys.Scheduler).Advance(Interval);
        AwaitCondition(() => watcher.Current.Metagraph.Neurons.Count == 2, TimeSpan.FromSeconds(30));
    }
}
