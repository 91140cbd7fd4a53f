namespace Sn19.Actors.Kernel;

/// <summary>Per-actor settings; unset values come from <see cref="ActorSystemOptions"/>.</summary>
public sealed record ActorOptions
{
    /// <summary>Bounded mailbox size. When full, <see cref="ActorRef{TMessage}.Tell"/> returns
    /// <see cref="TellResult.MailboxFull"/> and <see cref="ActorRef{TMessage}.TellAsync"/> waits for room.</summary>
    public int? MailboxCapacity { get; init; }

    /// <summary>Drop the actor instance (its in-memory state) after this long without a message; the next
    /// message re-creates it through its factory (a persistent actor recovers from the journal).
    /// Null: never passivate.</summary>
    public TimeSpan? PassivateAfter { get; init; }

    public SupervisionOptions? Supervision { get; init; }
}
