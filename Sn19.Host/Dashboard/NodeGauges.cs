namespace Sn19.Host.Dashboard;

using System.Diagnostics.Metrics;
using Akka.Actor;
using Akka.Cluster;
using Sn19.Actors.Telemetry;
using Sn19.Host.Admin;

/// <summary>
/// The node's gauges on the Sn19 meter: cluster members by status (read from the cluster's state when scraped) and,
/// per shard region, the shards and entities this node hosts. Counting entities means asking every region, so a
/// loop refreshes those counts every <see cref="Every"/> and a scrape reads the last ones; the loop ends on dispose.
/// </summary>
internal sealed class NodeGauges : IAsyncDisposable
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(10);

    private readonly ClusterDirectory _cluster;
    private readonly ActorSystem _system;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private volatile IReadOnlyList<ShardRegionInfo> _regions = [];
    private volatile bool _disposed;

    public NodeGauges(ActorSystem system)
    {
        _system = system;
        _cluster = new ClusterDirectory(system, TimeSpan.FromSeconds(5));
        Sn19Metrics.Meter.CreateObservableGauge("sn19.cluster.members", Members, "{member}", "Cluster members as this node sees them, by status");
        Sn19Metrics.Meter.CreateObservableGauge("sn19.shard.entities", () => Count(r => r.Shards.Sum(s => s.Entities)), "{entity}",
            "Sharded entities this node hosts, by region");
        Sn19Metrics.Meter.CreateObservableGauge("sn19.shard.shards", () => Count(r => r.Shards.Count), "{shard}", "Shards this node hosts, by region");
        _loop = _cluster.InCluster ? RefreshAsync(_stop.Token) : Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        // The meter outlives this node (it is the process's): its callbacks stop reading a system that is going away.
        _disposed = true;
        _regions = [];
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    private IEnumerable<Measurement<int>> Members()
    {
        if (_disposed || !_cluster.InCluster)
        {
            return [];
        }

        var state = Cluster.Get(_system).State;
        var unreachable = state.Unreachable.Count;
        return state.Members.GroupBy(m => m.Status)
            .Select(g => new Measurement<int>(g.Count(), new KeyValuePair<string, object?>("status", g.Key.ToString().ToLowerInvariant())))
            .Append(new Measurement<int>(unreachable, new KeyValuePair<string, object?>("status", "unreachable")));
    }

    private IEnumerable<Measurement<int>> Count(Func<ShardRegionInfo, int> of) =>
        _regions.Select(r => new Measurement<int>(of(r), new KeyValuePair<string, object?>("region", r.Region)));

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(Every);
        do
        {
            try
            {
                _regions = (await _cluster.ShardsAsync(withEntityIds: false, cancellationToken)).Regions;
            }
            catch (Exception busy) when (busy is AskTimeoutException or TimeoutException)
            {
                // A region busy handing shards over answers on a later round; the last counts stand until then.
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
        }
        while (await NextAsync(timer, cancellationToken));
    }

    private static async Task<bool> NextAsync(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
