namespace Sn19.Actors.Persistence;

/// <summary>One stored event as the journal returns it.</summary>
public sealed record JournalEvent(
    string PersistenceId, long SequenceNr, string Manifest, byte[] Payload, DateTimeOffset WrittenAt);
