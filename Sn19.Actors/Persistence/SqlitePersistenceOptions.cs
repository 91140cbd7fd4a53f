namespace Sn19.Actors.Persistence;

/// <summary>persistence.sqlite.*</summary>
public sealed class SqlitePersistenceOptions
{
    /// <summary>persistence.sqlite.path: the database file; the host resolves a relative path against node.data-dir.</summary>
    public string Path { get; set; } = "journal.db";

    /// <summary>
    /// persistence.sqlite.synchronous: "full" syncs the WAL on every commit (survives power loss);
    /// "normal" syncs at checkpoints only (survives a killed process, may lose the last commits on power loss).
    /// </summary>
    public string Synchronous { get; set; } = "full";

    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Path))
        {
            throw new ArgumentException("persistence.sqlite.path must not be empty.");
        }

        if (Synchronous is not ("full" or "normal"))
        {
            throw new ArgumentException(
                $"persistence.sqlite.synchronous must be \"full\" or \"normal\" (was \"{Synchronous}\").");
        }
    }
}
