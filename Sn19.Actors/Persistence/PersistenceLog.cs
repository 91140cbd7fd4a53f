namespace Sn19.Actors.Persistence;

using Microsoft.Extensions.Logging;

internal static partial class PersistenceLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning,
        Message = "Persistence id {PersistenceId}: snapshot at sequence {SequenceNr} failed; recovery replays more events")]
    public static partial void SnapshotFailed(ILogger logger, string persistenceId, long sequenceNr, Exception error);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Debug,
        Message = "Persistence id {PersistenceId} recovered to sequence {SequenceNr} ({Replayed} events replayed)")]
    public static partial void Recovered(ILogger logger, string persistenceId, long sequenceNr, int replayed);
}
