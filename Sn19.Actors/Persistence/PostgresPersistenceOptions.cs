namespace Sn19.Actors.Persistence;

using System.Text.RegularExpressions;

/// <summary>persistence.postgres.*</summary>
public sealed partial class PostgresPersistenceOptions
{
    /// <summary>persistence.postgres.connection-string: an Npgsql connection string.</summary>
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>persistence.postgres.schema: the schema holding the tables, created on start.</summary>
    public string Schema { get; set; } = "sn19";

    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            throw new ArgumentException("persistence.postgres.connection-string must be set when provider is \"postgres\".");
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
