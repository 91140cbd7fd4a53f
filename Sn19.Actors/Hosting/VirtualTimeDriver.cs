namespace Sn19.Actors.Hosting;

using Akka.Actor;

/// <summary>
/// Runs actors on a <see cref="VirtualScheduler"/> as fast as they can go, in a fixed order: fire the next due
/// item, wait until the actor it told has handled it (an <see cref="Identify"/> queued behind it) and until
/// the work it started has settled, then fire the next. Time jumps straight from one item to the next.
/// </summary>
public sealed class VirtualTimeDriver(VirtualScheduler scheduler, Func<Task> settled)
{
    /// <summary>Real time one step may take before the run is declared stuck.</summary>
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Fires items until <paramref name="finished"/> completes.</summary>
    /// <exception cref="InvalidOperationException">nothing is scheduled any more, or a step never settles.</exception>
    public async Task RunUntilAsync(Task finished, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(finished);
        await SettleAsync(null, cancellationToken);
        while (!finished.IsCompleted)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!scheduler.FireNext(DateTimeOffset.MaxValue, out var told))
            {
                throw new InvalidOperationException($"virtual time stopped at {scheduler.Now:O}: nothing is scheduled and the run has not finished");
            }

            await SettleAsync(told, cancellationToken);
        }

        await finished;
    }

    private async Task SettleAsync(IActorRef? told, CancellationToken cancellationToken)
    {
        try
        {
            if (told is not null)
            {
                await told.Ask<ActorIdentity>(new Identify(null), StepTimeout, cancellationToken);
            }

            await settled().WaitAsync(StepTimeout, cancellationToken);
        }
        catch (Exception error) when (error is AskTimeoutException or TimeoutException)
        {
            throw new InvalidOperationException($"virtual time is stuck at {scheduler.Now:O}: a step did not settle within {StepTimeout.TotalSeconds:F0} s", error);
        }
    }
}
