namespace Sn19.Actors.Persistence.Sqlite;

using Microsoft.Data.Sqlite;

/// <summary>
/// One SQLite file in WAL mode shared by the journal and the snapshot store. Writes go through one dedicated
/// connection under a lock (SQLite has one writer at a time anyway; BEGIN IMMEDIATE plus busy_timeout also
/// serialises writers in other processes); reads use pooled connections, which WAL lets run beside the writer.
/// </summary>
internal sealed class SqliteDatabase : IAsyncDisposable
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS journal (
            persistence_id TEXT NOT NULL,
            sequence_nr INTEGER NOT NULL,
            manifest TEXT NOT NULL,
            payload BLOB NOT NULL,
            written_at INTEGER NOT NULL,
            PRIMARY KEY (persistence_id, sequence_nr)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS journal_meta (
            persistence_id TEXT NOT NULL PRIMARY KEY,
            deleted_to INTEGER NOT NULL) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS snapshots (
            persistence_id TEXT NOT NULL,
            sequence_nr INTEGER NOT NULL,
            manifest TEXT NOT NULL,
            payload BLOB NOT NULL,
            written_at INTEGER NOT NULL,
            PRIMARY KEY (persistence_id, sequence_nr)) WITHOUT ROWID;
        """;

    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly SqliteConnection _writer;
    private readonly string _connectionString;
    private readonly string _synchronous;

    private SqliteDatabase(string connectionString, SqliteConnection writer, string synchronous)
    {
        _connectionString = connectionString;
        _writer = writer;
        _synchronous = synchronous;
    }

    public static async Task<SqliteDatabase> OpenAsync(SqlitePersistenceOptions options, CancellationToken cancellationToken)
    {
        options.Validate();
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(options.Path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = options.Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        var writer = new SqliteConnection(connectionString);
        await writer.OpenAsync(cancellationToken);
        var database = new SqliteDatabase(connectionString, writer, options.Synchronous.ToUpperInvariant());
        await database.ApplyPragmasAsync(writer, cancellationToken);
        await ExecuteAsync(writer, "PRAGMA journal_mode = WAL;", cancellationToken);
        await ExecuteAsync(writer, Schema, cancellationToken);
        return database;
    }

    public async Task<T> WriteAsync<T>(Func<SqliteConnection, Task<T>> write, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            return await write(_writer);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public async Task<SqliteConnection> OpenReadConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await ApplyPragmasAsync(connection, cancellationToken);
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        await _writeLock.WaitAsync();
        try
        {
            await _writer.DisposeAsync();
        }
        finally
        {
            _writeLock.Release();
        }

        _writeLock.Dispose();
    }

    private Task ApplyPragmasAsync(SqliteConnection connection, CancellationToken cancellationToken) =>
        ExecuteAsync(
            connection,
            _synchronous == "NORMAL"
                ? "PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 30000;"
                : "PRAGMA synchronous = FULL; PRAGMA busy_timeout = 30000;",
            cancellationToken);

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
