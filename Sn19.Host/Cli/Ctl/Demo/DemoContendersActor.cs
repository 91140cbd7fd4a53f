namespace Sn19.Host.Cli.Ctl.Demo;

using Sn19.Actors.Kernel;

/// <summary><c>/user/demo/contenders</c>: a parent with a few children, like the validator's contender tree.</summary>
internal sealed class DemoContendersActor : Actor<DemoTick>
{
    protected override Task StartedAsync(CancellationToken cancellationToken)
    {
        Context.Spawn("5FHneW46-text", () => new DemoTickerActor(TimeSpan.FromSeconds(1)));
        Context.Spawn("5GrwvaEF-text", () => new DemoTickerActor(TimeSpan.FromSeconds(2)));
        Context.Spawn("5DAAnrj7-image", () => new DemoTickerActor(TimeSpan.FromSeconds(5)));
        return Task.CompletedTask;
    }

    protected override Task ReceiveAsync(DemoTick message, CancellationToken cancellationToken) => Task.CompletedTask;
}
