namespace Sn19.Actors.Persistence.Postgres;

using Npgsql;

/// <summary>
/// The PostgreSQL side: one <see cref="NpgsqlDataSource"/> (pooled connections) and the schema, created on
/// start. Table names are qualified with the configured schema, which options validation restricts to a plain
/// lower-case identifier, so it is safe to splice into SQL.
/// </summary>
internal sealed class PostgresDatabase : IAsyncDisposable
{
    private PostgresDatabase(NpgsqlDataSource dataSource, string schema)
    {
        DataSource = dataSource;
        Schema = schema;
    }

    public NpgsqlDataSource DataSource { get; }

    public string Schema { get; }

    public static async Task<PostgresDatabase> OpenAsync(PostgresPersistenceOptions options, CancellationToken cancellationToken)
    {
        options.Validate();
        var dataSource = NpgsqlDataSource.Create(options.ConnectionString);
        var database = new PostgresDatabase(dataSource, options.Schema);
        try
        {
            await database.CreateSchemaAsync(cancellationToken);
        }
        catch
        {
            await dataSource.DisposeAsync();
            throw;
        }

        return database;
    }

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();

    private async Task CreateSchemaAsync(CancellationToken cancellationToken)
    {
        var s = Schema;
        await using var connection = await DataSource.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            CREATE SCHEMA IF NOT EXISTS {s};
            CREATE TABLE IF NOT EXISTS {s}.journal (
                persistence_id TEXT NOT NULL,
                sequence_nr BIGINT NOT NULL,
                manifest TEXT NOT NULL,
                payload BYTEA NOT NULL,
                written_at BIGINT NOT NULL,
                PRIMARY KEY (persistence_id, sequence_nr));
            CREATE TABLE IF NOT EXISTS {s}.journal_meta (
                persistence_id TEXT NOT NULL PRIMARY KEY,
                deleted_to BIGINT NOT NULL);
            CREATE TABLE IF NOT EXISTS {s}.snapshots (
                persistence_id TEXT NOT NULL,
                sequence_nr BIGINT NOT NULL,
                manifest TEXT NOT NULL,
                payload BYTEA NOT NULL,
                written_at BIGINT NOT NULL,
                PRIMARY KEY (persistence_id, sequence_nr));
            """;
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException error) when (error.SqlState is PostgresErrorCodes.UniqueViolation
            or PostgresErrorCodes.DuplicateObject or PostgresErrorCodes.DuplicateSchema)
        {
            // Two nodes creating the schema at the same moment race on the catalog; the other one won.
        }
    }
}
