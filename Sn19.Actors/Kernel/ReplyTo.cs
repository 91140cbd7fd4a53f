namespace Sn19.Actors.Kernel;

/// <summary>
/// A reply address carried inside a message (there is no ambient sender). Made by
/// <see cref="ActorRef{TMessage}.AskAsync{TReply}"/>, or by <see cref="To{TMessage}"/> to deliver the reply into
/// another actor's mailbox. Only the first reply counts.
/// </summary>
public sealed class ReplyTo<TReply>
{
    private readonly TaskCompletionSource<TReply>? _completion;
    private readonly Func<TReply, bool>? _forward;
    private int _replied;

    internal ReplyTo(TaskCompletionSource<TReply> completion) => _completion = completion;

    private ReplyTo(Func<TReply, bool> forward) => _forward = forward;

    internal Task<TReply> Task => _completion?.Task
        ?? throw new InvalidOperationException("This reply address forwards to an actor; it has no task.");

    /// <summary>A reply address that tells <paramref name="target"/> the reply wrapped by <paramref name="wrap"/>.</summary>
    public static ReplyTo<TReply> To<TMessage>(ActorRef<TMessage> target, Func<TReply, TMessage> wrap)
        where TMessage : class
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(wrap);
        return new ReplyTo<TReply>(reply => target.Tell(wrap(reply)) == TellResult.Delivered);
    }

    /// <summary>Sends the reply. False when a reply was already sent or the receiver cannot take it.</summary>
    public bool Reply(TReply value)
    {
        if (Interlocked.Exchange(ref _replied, 1) != 0)
        {
            return false;
        }

        return _completion is not null ? _completion.TrySetResult(value) : _forward!(value);
    }
}
