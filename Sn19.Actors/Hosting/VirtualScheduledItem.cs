namespace Sn19.Actors.Hosting;

using Akka.Actor;

/// <summary>One item on the <see cref="VirtualScheduler"/>: a message to tell or an action to run, repeated
/// every <see cref="Interval"/> when it has one, unless cancelled.</summary>
internal sealed record VirtualScheduledItem(ICanTell? Receiver, object? Message, IActorRef? Sender, Action? Action, ICancelable? Cancelable)
{
    public TimeSpan? Interval { get; init; }

    public bool IsCancelled => Cancelable?.IsCancellationRequested ?? false;

    public static VirtualScheduledItem Tell(ICanTell receiver, object message, IActorRef sender, ICancelable cancelable) =>
        new(receiver, message, sender, null, cancelable);

    public static VirtualScheduledItem Run(Action action, ICancelable cancelable) => new(null, null, null, action, cancelable);

    /// <summary>Delivers the item; returns the actor it told, if it told one.</summary>
    public IActorRef? Fire()
    {
        if (IsCancelled)
        {
            return null;
        }

        if (Receiver is not null)
        {
            Receiver.Tell(Message!, Sender ?? ActorRefs.NoSender);
            return Receiver as IActorRef;
        }

        Action!();
        return null;
    }
}
