namespace Sn19.Benchmarks.Actors.Kernel;

using Sn19.Actors.Kernel;

internal sealed class CountingActor(Countdown countdown) : Actor<Ping>
{
    protected override Task ReceiveAsync(Ping message, CancellationToken cancellationToken)
    {
        countdown.Signal();
        return Task.CompletedTask;
    }
}
