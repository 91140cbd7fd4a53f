namespace Sn19.Host.Cli.Ctl.Demo;

using Sn19.Actors.Kernel;
using Sn19.Actors.Persistence;

/// <summary>
/// <c>/user/demo</c>: spawns a small tree to inspect: a persistent counter that increments itself every second,
/// a ticker, and one ticker per fake miner under <c>contenders/</c>.
/// </summary>
internal sealed class DemoRootActor(PersistenceRuntime persistence) : Actor<DemoTick>, IIntrospectable
{
    public object Summary() => new { children = Context.Children.Count };

    protected override Task StartedAsync(CancellationToken cancellationToken)
    {
        Context.Spawn("counter", () => new DemoCounterActor(persistence, "demo-counter", TimeSpan.FromSeconds(1)));
        Context.Spawn("ticker", () => new DemoTickerActor(TimeSpan.FromMilliseconds(250)));
        Context.Spawn("contenders", () => new DemoContendersActor());
        return Task.CompletedTask;
    }

    protected override Task ReceiveAsync(DemoTick message, CancellationToken cancellationToken) => Task.CompletedTask;
}
