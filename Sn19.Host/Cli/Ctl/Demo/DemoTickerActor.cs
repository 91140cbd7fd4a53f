namespace Sn19.Host.Cli.Ctl.Demo;

using Sn19.Actors.Kernel;

/// <summary>Counts ticks of its own periodic timer; in memory only.</summary>
internal sealed class DemoTickerActor(TimeSpan interval) : Actor<DemoTick>, IIntrospectable
{
    private long _ticks;

    public object Summary() => new DemoTickerSummary(_ticks, interval);

    protected override Task StartedAsync(CancellationToken cancellationToken)
    {
        Context.Timers.StartPeriodic("tick", new DemoTick(), interval);
        return Task.CompletedTask;
    }

    protected override Task ReceiveAsync(DemoTick message, CancellationToken cancellationToken)
    {
        _ticks++;
        return Task.CompletedTask;
    }
}
