namespace Sn19.Actors.Kernel;

/// <summary>What happened to a message handed to <see cref="ActorRef{TMessage}.Tell"/>.</summary>
public enum TellResult
{
    /// <summary>The message is in the mailbox and will be processed (unless the actor fails first).</summary>
    Delivered,

    /// <summary>The bounded mailbox was full; the message was not enqueued (fail-fast overflow policy).</summary>
    MailboxFull,

    /// <summary>The actor has stopped; the message was not enqueued.</summary>
    Dead,
}
