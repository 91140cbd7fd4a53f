namespace Sn19.Actors.Subnet.Metagraphs;

using Akka.Actor;
using Sn19.Actors.Hosting;

/// <summary>
/// Refreshes a <see cref="MetagraphWatcher"/> from the chain on its own timer, one read at a time (a slow
/// chain never stacks reads up); readers keep taking the watcher's immutable view without waiting.
/// </summary>
internal sealed class MetagraphRefreshActor : ReceiveActor, IWithTimers, IDescribedActor
{
    private const string RefreshTimer = "refresh";

    private readonly MetagraphWatcher _watcher;
    private readonly TimeSpan _interval;
    private bool _reading;
    private long _refreshed;
    private long _failed;

    public MetagraphRefreshActor(MetagraphWatcher watcher, TimeSpan interval)
    {
        _watcher = watcher;
        _interval = interval;
        Receive<Refresh>(_ => Read());
        Receive<Refreshed>(done =>
        {
            _reading = false;
            _ = done.Ok ? _refreshed++ : _failed++;
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

    public static Props Props(MetagraphWatcher watcher, TimeSpan interval) =>
        Akka.Actor.Props.Create(() => new MetagraphRefreshActor(watcher, interval));

    protected override void PreStart() => Timers.StartPeriodicTimer(RefreshTimer, Refresh.Instance, _interval);

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
