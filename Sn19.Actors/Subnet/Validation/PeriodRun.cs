namespace Sn19.Actors.Subnet.Validation;

using Akka.Actor;

/// <summary>Scoring periods being run: the coordinator (in a cluster, this node's singleton manager; none on a node
/// without the scoring role), a task that ends when the asked periods have closed, and the streams behind them,
/// stopped on dispose.</summary>
internal sealed class PeriodRun(IActorRef? coordinator, Task finished, CancellationTokenSource background, Task workers) : IAsyncDisposable
{
    public IActorRef? Coordinator => coordinator;

    public Task Finished => finished;

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (coordinator is not null)
            {
                await coordinator.GracefulStop(TimeSpan.FromSeconds(10));
            }
        }
        catch (TaskCanceledException)
        {
            // Still inside a step (a slow miner or chain): the actor system's shutdown ends it.
        }

        await background.CancelAsync();
        await workers;
        background.Dispose();
    }
}
