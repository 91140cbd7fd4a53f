namespace Sn19.Actors.Persistence;

using System.Text.Json;
using Npgsql;

/// <summary>
/// Akka.Persistence.Sql's journal and snapshot store for <see cref="PersistenceOptions"/>: a SQLite file
/// (<c>SQLite.MS</c>) for one node, PostgreSQL (<c>PostgreSQL.15</c>) for a cluster. Tables are created on
/// first use; on PostgreSQL they live in <c>persistence.postgres.schema</c>, which
/// <see cref="EnsureSchemaAsync"/> creates.
/// </summary>
public static class SqlPersistenceHocon
{
    public static string For(PersistenceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var (connection, provider, schema) = options.Provider == "postgres"
            ? (PostgresConnectionString(options.Postgres), "PostgreSQL.15", Quote(options.Postgres.Schema))
            : ($"Data Source={Path.GetFullPath(options.Sqlite.Path)}", "SQLite.MS", "null");
        var plugin = $$"""
            connection-string = {{Quote(connection)}}
            provider-name = "{{provider}}"
            table-mapping = default
            default.schema-name = {{schema}}
            auto-initialize = on
            """;
        return $$"""
            akka.persistence {
              journal {
                plugin = "akka.persistence.journal.sql"
                sql { {{plugin}} }
              }
              snapshot-store {
                plugin = "akka.persistence.snapshot-store.sql"
                sql { {{plugin}} }
              }
            }
            """;
    }

    /// <summary>Creates the PostgreSQL schema the tables go in (Akka creates tables, not schemas); nothing for SQLite.</summary>
    public static async Task EnsureSchemaAsync(PersistenceOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Provider != "postgres")
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(options.Sqlite.Path));
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }

            return;
        }

        await using var connection = new NpgsqlConnection(PostgresConnectionString(options.Postgres));
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"CREATE SCHEMA IF NOT EXISTS {options.Postgres.Schema}", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The configured connection string with the node's pool bound, unless it sets its own.</summary>
    private static string PostgresConnectionString(PostgresPersistenceOptions postgres)
    {
        var builder = new NpgsqlConnectionStringBuilder(postgres.ConnectionString);
        if (!postgres.ConnectionString.Contains("Maximum Pool Size", StringComparison.OrdinalIgnoreCase)
            && !postgres.ConnectionString.Contains("MaxPoolSize", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxPoolSize = postgres.MaxPoolSize;
        }

        return builder.ConnectionString;
    }

    private static string Quote(string value) => JsonSerializer.Serialize(value);
}
