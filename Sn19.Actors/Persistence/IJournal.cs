namespace Sn19.Actors.Persistence;

/// <summary>
/// The event journal. Contract every backend passes (see the JournalSpec conformance tests):
/// <list type="bullet">
/// <item>AppendAsync is atomic: all events of the batch are stored, numbered expectedSequenceNr+1 … +n, or none.</item>
/// <item>It stores them only if the highest sequence number ever written for the id (deleted ones included) equals
/// expectedSequenceNr; otherwise it returns <see cref="AppendOutcome.Conflict"/>. Together with the unique
/// (persistence_id, sequence_nr) key this is the single-writer guarantee, also across processes.</item>
/// <item>When AppendAsync returns <see cref="AppendOutcome.Appended"/>, the events survive a crash of the process.</item>
/// <item>ReadAsync yields events in ascending sequence order, from fromSequenceNr on.</item>
/// <item>DeleteUpToAsync removes events up to and including toSequenceNr but never lowers the highest sequence
/// number.</item>
/// <item>Connection and storage errors are exceptions, never <see cref="AppendOutcome.Conflict"/>.</item>
/// </list>
/// </summary>
public interface IJournal : IAsyncDisposable
{
    Task<AppendOutcome> AppendAsync(
        string persistenceId, long expectedSequenceNr, IReadOnlyList<EventPayload> events, CancellationToken cancellationToken);

    IAsyncEnumerable<JournalEvent> ReadAsync(string persistenceId, long fromSequenceNr, CancellationToken cancellationToken);

    /// <summary>The highest sequence number ever written for the id (0 when none), deleted events included.</summary>
    Task<long> ReadHighestSequenceNrAsync(string persistenceId, CancellationToken cancellationToken);

    Task DeleteUpToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken);
}
