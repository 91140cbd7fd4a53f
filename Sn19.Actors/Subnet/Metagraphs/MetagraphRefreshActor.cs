namespace Sn19.Actors.Subnet.Metagraphs;

using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using Sn19.Actors.Hosting;

/// <summary>
/// Refreshes a <see cref="MetagraphWatcher"/> from the chain on its own timer, one read at a time (a slow
/// chain never stacks reads up); readers keep taking the watcher's immutable view without waiting. In a validator
/// cluster it runs as the metagraph singleton and publishes each new block's metagraph on a topic every node's
/// <see cref="MetagraphSubscriberActor"/> listens to, so the nodes share one view and the chain is read once.
/// </summary>
internal sealed class MetagraphRefreshActor : ReceiveActor, IWithTimers, IDescribedActor
{
    private const string RefreshTimer = "refresh";

    private readonly MetagraphWatcher _watcher;
    private readonly TimeSpan _interval;
    private readonly string? _topic;
    private ulong _publishedBlock;
    private bool _reading;
    private long _refreshed;
    private long _failed;

    public MetagraphRefreshActor(MetagraphWatcher watcher, TimeSpan interval, string? topic)
    {
        _watcher = watcher;
        _interval = interval;
        _topic = topic;
        Receive<Refresh>(_ => Read());
        Receive<Refreshed>(done =>
        {
            _reading = false;
            _ = done.Ok ? _refreshed++ : _failed++;
            Publish();
        });
        Receive<Status.Failure>(_ =>
        {
            _reading = false;
            _failed++;
        });
        Receive<DescribeActor>(_ => Sender.Tell(new ActorDescription(new
        {
            interval = _interval, refreshed = _refreshed, failed = _failed, neurons = _watcher.Current.Metagraph.Neurons.Count,
        })));
    }

    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>Refreshes <paramref name="watcher"/>; with a <paramref name="topic"/>, also publishes each new block's metagraph on it.</summary>
    public static Props Props(MetagraphWatcher watcher, TimeSpan interval, string? topic = null) =>
        Akka.Actor.Props.Create(() => new MetagraphRefreshActor(watcher, interval, topic));

    protected override void PreStart() => Timers.StartPeriodicTimer(RefreshTimer, Refresh.Instance, _interval);

    private void Publish()
    {
        var metagraph = _watcher.Current.Metagraph;
        if (_topic is null || metagraph.Block <= _publishedBlock)
        {
            return;
        }

        _publishedBlock = metagraph.Block;
        DistributedPubSub.Get(Context.System).Mediator.Tell(new Publish(_topic, new MetagraphPublished(metagraph)));
    }

    private void Read()
    {
        if (_reading)
        {
            return;
        }

        _reading = true;
        _watcher.RefreshAsync(CancellationToken.None).PipeTo(Self, success: ok => new Refreshed(ok));
    }

    private sealed record Refresh
    {
        public static Refresh Instance { get; } = new();
    }

    private sealed record Refreshed(bool Ok);
}
