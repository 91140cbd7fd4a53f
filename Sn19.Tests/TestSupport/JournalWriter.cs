namespace Sn19.Tests.TestSupport;

using Akka;
using Akka.Actor;
using Akka.Persistence;

/// <summary>
/// A persistent actor that only writes: it journals the events it is given under a chosen persistence id, as a
/// node that died right after writing them would have left them, and stops before the real actor with that id starts.
/// </summary>
internal sealed class JournalWriter : ReceivePersistentActor
{
    public JournalWriter(string persistenceId)
    {
        PersistenceId = persistenceId;
        Command<object[]>(events =>
        {
            var replyTo = Sender;
            PersistAll(events, _ => { });
            DeferAsync(events.Length, _ => replyTo.Tell(Done.Instance));
        });
    }

    public override string PersistenceId { get; }
}
