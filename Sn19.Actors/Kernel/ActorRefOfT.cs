namespace Sn19.Actors.Kernel;

/// <summary>
/// A typed address. Mailboxes are bounded; the overflow policy is the caller's choice:
/// <see cref="Tell"/> never blocks and reports <see cref="TellResult.MailboxFull"/>, <see cref="TellAsync"/>
/// waits for room (back-pressure). Messages from one sender arrive in the order they were told.
/// </summary>
public abstract class ActorRef<TMessage> : ActorRef
    where TMessage : class
{
    private protected ActorRef(ActorPath path)
        : base(path)
    {
    }

    private protected abstract TimeProvider Time { get; }

    /// <summary>Enqueues without waiting (fail-fast when full).</summary>
    public abstract TellResult Tell(TMessage message);

    /// <summary>Enqueues, waiting for mailbox room if it is full.</summary>
    public abstract ValueTask<TellResult> TellAsync(TMessage message, CancellationToken cancellationToken);

    /// <summary>
    /// Sends the message <paramref name="build"/> makes around a fresh reply address and waits for the reply,
    /// at most <paramref name="timeout"/> (measured by the system's <see cref="TimeProvider"/>). A full mailbox is waited
    /// on within the timeout, a dead actor, or one that stops before replying, ends the ask as <see cref="AskStatus.Dead"/>.
    /// Cancellation throws <see cref="OperationCanceledException"/>.
    /// </summary>
    public async Task<AskResult<TReply>> AskAsync<TReply>(
        Func<ReplyTo<TReply>, TMessage> build, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(build);
        var completion = new TaskCompletionSource<TReply>(TaskCreationOptions.RunContinuationsAsynchronously);
        var message = build(new ReplyTo<TReply>(completion));
        var told = Tell(message);
        if (told == TellResult.MailboxFull)
        {
            // Slow path: wait for mailbox room, within the same timeout.
            using var deadline = new CancellationTokenSource(timeout, Time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
            try
            {
                told = await TellAsync(message, linked.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return new AskResult<TReply>(AskStatus.Timeout, default);
            }
        }

        if (told != TellResult.Delivered)
        {
            return new AskResult<TReply>(told == TellResult.Dead ? AskStatus.Dead : AskStatus.MailboxFull, default);
        }

        try
        {
            // The actor may stop after accepting the message; then the ask ends as Dead, not by timeout.
            var first = await Task.WhenAny(completion.Task, Stopped).WaitAsync(timeout, Time, cancellationToken);
            return first == completion.Task || completion.Task.IsCompletedSuccessfully
                ? new AskResult<TReply>(AskStatus.Replied, await completion.Task)
                : new AskResult<TReply>(AskStatus.Dead, default);
        }
        catch (TimeoutException)
        {
            return new AskResult<TReply>(AskStatus.Timeout, default);
        }
    }
}
