namespace Sn19.Actors.Persistence;

using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;

/// <summary>
/// Akka.Persistence.Sql's journal and snapshot store for <see cref="PersistenceOptions"/>: a SQLite file
/// (<c>SQLite.MS</c>) for one node, PostgreSQL (<c>PostgreSQL.15</c>) for a cluster. Tables are created on
/// first use; on PostgreSQL they live in <c>persistence.postgres.schema</c>, which
/// <see cref="EnsureSchemaAsync"/> creates, and a SQLite file is switched to write-ahead logging there.
/// </summary>
public static class SqlPersistenceHocon
{
    public static string For(PersistenceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // SQLite takes one writer at a time: parallel batches would only wait on its lock.
        var (connection, provider, schema, parallelism) = options.Provider == "postgres"
            ? (PostgresConnectionString(options.Postgres), "PostgreSQL.15", Quote(options.Postgres.Schema), 3)
            : ($"Data Source={Path.GetFullPath(options.Sqlite.Path)}", "SQLite.MS", "null", 1);
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
                sql {
                  {{plugin}}
                  parallelism = {{parallelism}}
                }
              }
              snapshot-store {
                plugin = "akka.persistence.snapshot-store.sql"
                sql { {{plugin}} }
              }
              query.journal.sql { {{plugin}} }
            }
            """;
    }

    /// <summary>Creates the PostgreSQL schema the tables go in (Akka creates tables, not schemas); nothing for SQLite.</summary>
    public static async Task EnsureSchemaAsync(PersistenceOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Provider != "postgres")
        {
            var path = Path.GetFullPath(options.Sqlite.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);

            // Write-ahead logging (kept in the file once set): a commit is one append and one sync instead of
            // a rollback journal's two, and readers never block the writer.
            await using var sqlite = new SqliteConnection($"Data Source={path}");
            await sqlite.OpenAsync(cancellationToken);
            await using var wal = sqlite.CreateCommand();
            wal.CommandText = "PRAGMA journal_mode=WAL";
            await wal.ExecuteNonQueryAsync(cancellationToken);
            return;
        }

        await using var connection = new NpgsqlConnection(PostgresConnectionString(options.Postgres));
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"CREATE SCHEMA IF NOT EXISTS {options.Postgres.Schema}", connection);
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException raced) when (raced.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DuplicateSchema)
        {
            // "IF NOT EXISTS" is not atomic: nodes of a cluster starting together race, and the loser's schema is there.
        }
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
