namespace Sn19.Actors.Cluster;

using Akka.Actor;
using Akka.Coordination;
using Npgsql;

/// <summary>
/// An Akka.Coordination <see cref="Lease"/> on PostgreSQL, the database the cluster's journal is already on
/// (no lease implementation is served for Akka.NET here). One row per lease: its owner and when it expires,
/// in the database's clock so the nodes' clocks never have to agree.
///   - Acquire takes the row when it is free, expired, or already ours; one statement, so two nodes racing
///     for it cannot both win.
///   - While held, the row is renewed every <c>heartbeat-interval</c> to expire <c>heartbeat-timeout</c> later; a
///     renewal that finds the row taken, or no renewal for a whole timeout, means the lease is lost: the
///     callback runs and <see cref="CheckLease"/> turns false.
///   - Release deletes our row. A node that dies without releasing frees the lease when its row expires.
/// Used by the split-brain resolver's <c>lease-majority</c> and by the cluster singletons (<c>use-lease</c>).
/// </summary>
public sealed class PostgresLease : Lease, IDisposable
{
    private readonly NpgsqlDataSource _database;
    private readonly string _table;
    private readonly IScheduler _scheduler;
    private readonly TimeSpan _ttl;
    private readonly TimeSpan _interval;
    private readonly Lock _gate = new();
    private bool _tableReady;
    private bool _held;
    private DateTimeOffset _renewedAt;
    private ICancelable? _heartbeat;
    private Action<Exception?>? _lost;
    private int _renewing;

    public PostgresLease(LeaseSettings settings, ExtendedActorSystem system)
        : base(settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(system);
        var config = settings.LeaseConfig;
        _database = NpgsqlDataSource.Create(config.GetString("connection-string"));
        var schema = config.GetString("schema", "public");
        _table = $"\"{schema.Replace("\"", "\"\"", StringComparison.Ordinal)}\".sn19_lease";
        _scheduler = system.Scheduler;
        _ttl = settings.TimeoutSettings.HeartbeatTimeout;
        _interval = settings.TimeoutSettings.HeartbeatInterval;
    }

    public override Task<bool> Acquire() => Acquire(null);

    public override async Task<bool> Acquire(Action<Exception?>? leaseLostCallback)
    {
        await EnsureTableAsync();
        await using var command = _database.CreateCommand($"""
            INSERT INTO {_table} (name, owner, expires_at) VALUES ($1, $2, now() + $3)
            ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
              WHERE {_table}.owner = excluded.owner OR {_table}.expires_at < now()
            RETURNING owner
            """);
        command.Parameters.AddWithValue(Settings.LeaseName);
        command.Parameters.AddWithValue(Settings.OwnerName);
        command.Parameters.AddWithValue(_ttl);
        var acquired = await command.ExecuteScalarAsync() is string;
        lock (_gate)
        {
            if (acquired)
            {
                _held = true;
                _renewedAt = DateTimeOffset.UtcNow;
                _lost = leaseLostCallback;
                _heartbeat ??= _scheduler.Advanced.ScheduleRepeatedlyCancelable(_interval, _interval, () => _ = RenewAsync());
            }
        }

        return acquired;
    }

    public override async Task<bool> Release()
    {
        StopHeartbeat();
        await using var command = _database.CreateCommand($"DELETE FROM {_table} WHERE name = $1 AND owner = $2");
        command.Parameters.AddWithValue(Settings.LeaseName);
        command.Parameters.AddWithValue(Settings.OwnerName);
        await command.ExecuteNonQueryAsync();
        return true;
    }

    public override bool CheckLease()
    {
        lock (_gate)
        {
            return _held && DateTimeOffset.UtcNow - _renewedAt < _ttl;
        }
    }

    public void Dispose()
    {
        StopHeartbeat();
        _database.Dispose();
    }

    /// <summary>One renewal at a time; a failed one is retried on the next beat until the timeout runs out.</summary>
    private async Task RenewAsync()
    {
        if (Interlocked.Exchange(ref _renewing, 1) == 1)
        {
            return;
        }

        try
        {
            await using var command = _database.CreateCommand($"UPDATE {_table} SET expires_at = now() + $3 WHERE name = $1 AND owner = $2");
            command.Parameters.AddWithValue(Settings.LeaseName);
            command.Parameters.AddWithValue(Settings.OwnerName);
            command.Parameters.AddWithValue(_ttl);
            if (await command.ExecuteNonQueryAsync() == 1)
            {
                lock (_gate)
                {
                    _renewedAt = DateTimeOffset.UtcNow;
                }
            }
            else
            {
                Lose(new LeaseException($"lease {Settings.LeaseName} was taken by another owner"));
            }
        }
        catch (NpgsqlException error)
        {
            if (!CheckLease())
            {
                Lose(new LeaseException($"lease {Settings.LeaseName} could not be renewed for {_ttl.TotalSeconds:F0} s", error));
            }
        }
        finally
        {
            Interlocked.Exchange(ref _renewing, 0);
        }
    }

    private void Lose(Exception reason)
    {
        Action<Exception?>? lost;
        lock (_gate)
        {
            if (!_held)
            {
                return;
            }

            _held = false;
            lost = _lost;
        }

        StopHeartbeat();
        lost?.Invoke(reason);
    }

    private void StopHeartbeat()
    {
        lock (_gate)
        {
            _held = false;
            _heartbeat?.Cancel();
            _heartbeat = null;
        }
    }

    private async Task EnsureTableAsync()
    {
        if (Volatile.Read(ref _tableReady))
        {
            return;
        }

        await using var command = _database.CreateCommand(
            $"CREATE TABLE IF NOT EXISTS {_table} (name text PRIMARY KEY, owner text NOT NULL, expires_at timestamptz NOT NULL)");
        try
        {
            await command.ExecuteNonQueryAsync();
        }
        catch (PostgresException raced) when (raced.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DuplicateTable)
        {
            // Another node created it between our check and our create: it is there.
        }

        Volatile.Write(ref _tableReady, true);
    }
}
