namespace Sn19.Actors.Kernel;

using Microsoft.Extensions.Logging;

/// <summary>
/// What an actor can do to the world beyond its messages. Use it only from the actor's own handlers
/// (one message at a time); it is not thread-safe across actors.
/// </summary>
public interface IActorContext<TMessage>
    where TMessage : class
{
    ActorRef<TMessage> Self { get; }

    ActorSystem System { get; }

    TimeProvider Time { get; }

    ITimerScheduler<TMessage> Timers { get; }

    ILogger Logger { get; }

    IReadOnlyCollection<ActorRef> Children { get; }

    /// <summary>Creates and starts a child named <paramref name="name"/>; throws if the name is taken.</summary>
    ActorRef<TChild> Spawn<TChild>(string name, Func<Actor<TChild>> factory, ActorOptions? options = null)
        where TChild : class;

    bool TryGetChild<TChild>(string name, out ActorRef<TChild> child)
        where TChild : class;

    /// <summary>Deliver a <see cref="Terminated"/> signal when <paramref name="other"/> stops for good.</summary>
    void Watch(ActorRef other);

    void Unwatch(ActorRef other);

    /// <summary>Stops this actor after the current message; messages already accepted are processed first.</summary>
    void Stop();

    /// <summary>Stops a child (or any actor) gracefully and waits until it has stopped.</summary>
    Task StopAsync(ActorRef actor, CancellationToken cancellationToken);
}
