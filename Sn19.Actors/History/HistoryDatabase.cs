namespace Sn19.Actors.History;

using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Sn19.Actors.Persistence;

/// <summary>
/// Where the history lives: beside the journal. On PostgreSQL its tables sit in the journal's schema, so every node
/// of a cluster reads and writes one history; on SQLite (a node alone) in its own file next to the journal's, so the
/// dashboard's reads and the history's writes never wait on the journal's single writer.
/// </summary>
public sealed class HistoryDatabase : IAsyncDisposable
{
    private readonly NpgsqlDataSource? _postgres;
    private readonly string? _sqlite;

    private HistoryDatabase(NpgsqlDataSource? postgres, string? sqlite, string prefix)
    {
        _postgres = postgres;
        _sqlite = sqlite;
        Prefix = prefix;
    }

    /// <summary>Prepended to every table name: the schema on PostgreSQL, nothing on SQLite.</summary>
    public string Prefix { get; }

    public bool IsPostgres => _postgres is not null;

    public static HistoryDatabase For(PersistenceOptions persistence)
    {
        ArgumentNullException.ThrowIfNull(persistence);
        return persistence.Provider == "postgres"
            ? Postgres(persistence.Postgres.ConnectionString, persistence.Postgres.Schema)
            : Sqlite(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(persistence.Sqlite.Path))!, "history.db"));
    }

    public static HistoryDatabase Sqlite(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        return new HistoryDatabase(null, new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString(), "");
    }

    public static HistoryDatabase Postgres(string connectionString, string schema) =>
        new(NpgsqlDataSource.Create(connectionString), null, schema + ".");

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (_postgres is not null)
        {
            return await _postgres.OpenConnectionAsync(cancellationToken);
        }

        var connection = new SqliteConnection(_sqlite);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
    }
}
