namespace Sn19.Actors.Persistence;

using Microsoft.Extensions.Configuration;

using System.Text.RegularExpressions;

/// <summary>persistence.postgres.*</summary>
public sealed partial class PostgresPersistenceOptions
{
    /// <summary>persistence.postgres.connection-string: an Npgsql connection string.</summary>
    [ConfigurationKeyName("connection-string")]
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>persistence.postgres.schema: the schema holding the tables, created on start.</summary>
    [ConfigurationKeyName("schema")]
    public string Schema { get; set; } = "sn19";

    /// <summary>persistence.postgres.max-pool-size: connections this node opens at most (unless the connection
    /// string sets its own); every node of a cluster shares the server's max_connections (100 by default).</summary>
    [ConfigurationKeyName("max-pool-size")]
    public int MaxPoolSize { get; set; } = 16;

    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            throw new ArgumentException("persistence.postgres.connection-string must be set when provider is \"postgres\".");
        }

        if (MaxPoolSize < 1)
        {
            throw new ArgumentException($"persistence.postgres.max-pool-size must be >= 1 (was {MaxPoolSize}).");
        }

        if (!SchemaName().IsMatch(Schema))
        {
            throw new ArgumentException(
                $"persistence.postgres.schema must be a lower-case identifier ([a-z_][a-z0-9_]*), was \"{Schema}\".");
        }
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex SchemaName();
}
