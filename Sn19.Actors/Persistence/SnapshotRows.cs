namespace Sn19.Actors.Persistence;

using System.Data.Common;

/// <summary>Reads a snapshot row the same way from every store's <c>snapshots</c> table.</summary>
internal static class SnapshotRows
{
    /// <summary>
    /// Runs <paramref name="command"/>, which selects <c>sequence_nr, manifest, payload, written_at</c> (unix
    /// milliseconds) of at most one row, and returns that snapshot, or null when there is none.
    /// </summary>
    public static async Task<SnapshotEntry?> ReadSingleAsync(DbCommand command, string persistenceId, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new SnapshotEntry(
            persistenceId,
            reader.GetInt64(0),
            reader.GetString(1),
            reader.GetFieldValue<byte[]>(2),
            DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)));
    }
}
