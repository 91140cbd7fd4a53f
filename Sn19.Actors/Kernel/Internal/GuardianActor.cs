namespace Sn19.Actors.Kernel.Internal;

/// <summary>The actor at <c>/user</c>: it owns the top-level actors and handles no messages.</summary>
internal sealed class GuardianActor : Actor<GuardianActor.Nothing>
{
    protected override Task ReceiveAsync(Nothing message, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    /// <summary>No message is ever sent to the guardian.</summary>
    internal sealed record Nothing;
}
