namespace Sn19.Actors.Persistence;

/// <summary>
/// Snapshots of actor state. Saving a snapshot at a sequence number that already has one replaces it;
/// LoadLatestAsync returns the one with the highest sequence number.
/// </summary>
public interface ISnapshotStore : IAsyncDisposable
{
    Task SaveAsync(SnapshotEntry snapshot, CancellationToken cancellationToken);

    Task<SnapshotEntry?> LoadLatestAsync(string persistenceId, CancellationToken cancellationToken);

    /// <summary>Removes snapshots with sequence numbers up to and including <paramref name="toSequenceNr"/>.</summary>
    Task DeleteUpToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken);
}
