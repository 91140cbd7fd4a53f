namespace Sn19.Actors.Persistence;

using Akka.Actor;
using Akka.Persistence.Query;
using Akka.Persistence.Sql.Query;
using Akka.Streams;
using Akka.Streams.Dsl;

/// <summary>Every persistence id the journal holds, read through Akka.Persistence.Query (so entities a previous
/// run or another node wrote count too).</summary>
internal static class JournalIds
{
    public static async Task<IReadOnlyList<string>> CurrentAsync(ActorSystem system, CancellationToken cancellationToken) =>
        await PersistenceQuery.Get(system).ReadJournalFor<SqlReadJournal>(SqlReadJournal.Identifier)
            .CurrentPersistenceIds()
            .RunWith(Sink.Seq<string>(), system.Materializer())
            .WaitAsync(cancellationToken);
}
