namespace Sn19.Benchmarks.Actors.Kernel;

using Sn19.Actors.Kernel;

/// <summary>Replies at once to every <see cref="Echo"/>.</summary>
internal sealed class EchoActor : Actor<Echo>
{
    protected override Task ReceiveAsync(Echo message, CancellationToken cancellationToken)
    {
        message.ReplyTo.Reply(message.Value);
        return Task.CompletedTask;
    }
}
