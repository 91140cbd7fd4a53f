namespace Sn19.Actors.Persistence;

/// <summary>A serialised snapshot of an actor's state as of <paramref name="SequenceNr"/>.</summary>
public sealed record SnapshotEntry(
    string PersistenceId, long SequenceNr, string Manifest, byte[] Payload, DateTimeOffset WrittenAt);
