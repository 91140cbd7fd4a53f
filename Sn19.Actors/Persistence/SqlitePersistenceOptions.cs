namespace Sn19.Actors.Persistence;

using Microsoft.Extensions.Configuration;

/// <summary>persistence.sqlite.*</summary>
public sealed class SqlitePersistenceOptions
{
    /// <summary>persistence.sqlite.path: the database file; the host resolves a relative path against node.data-dir.</summary>
    [ConfigurationKeyName("path")]
    public string Path { get; set; } = "journal.db";

    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Path))
        {
            throw new ArgumentException("persistence.sqlite.path must not be empty.");
        }
    }
}
