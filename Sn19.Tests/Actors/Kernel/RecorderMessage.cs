namespace Sn19.Tests.Actors.Kernel;

using Sn19.Actors.Kernel;

/// <summary>The protocol of <see cref="RecorderActor"/>, the kernel tests' probe.</summary>
public abstract record RecorderMessage
{
    public sealed record Note(string Text) : RecorderMessage;

    public sealed record GetNotes(ReplyTo<IReadOnlyList<string>> ReplyTo) : RecorderMessage;

    public sealed record Fail(string Why) : RecorderMessage;

    public sealed record FailFatally(string Why) : RecorderMessage;

    public sealed record WaitFor(Task Gate, TaskCompletionSource? Entered = null) : RecorderMessage;

    public sealed record SpawnChild(string Name, ActorOptions? Options, ReplyTo<ActorRef<RecorderMessage>> ReplyTo)
        : RecorderMessage;

    public sealed record WatchIt(ActorRef Other, ReplyTo<bool> ReplyTo) : RecorderMessage;

    public sealed record StartTimer(string Key, RecorderMessage Message, TimeSpan Delay, bool Periodic, ReplyTo<bool> ReplyTo)
        : RecorderMessage;

    public sealed record CancelTimer(string Key) : RecorderMessage;

    public sealed record StopSelf : RecorderMessage;

    public sealed record Ignore(string Text) : RecorderMessage;

    /// <summary>Runs <paramref name="Action"/> inside the actor, e.g. to spawn a child of another type.</summary>
    public sealed record Run(Func<IActorContext<RecorderMessage>, object?> Action, ReplyTo<object?> ReplyTo) : RecorderMessage;
}
