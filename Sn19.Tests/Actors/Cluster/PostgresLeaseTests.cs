namespace Sn19.Tests.Actors.Cluster;

using Akka.Actor;
using Akka.Configuration;
using Akka.Coordination;
using Npgsql;
using Sn19.Actors.Cluster;
using Sn19.Tests.TestSupport;

/// <summary>The PostgreSQL lease against the real server: one owner at a time, release and expiry free it, a taken lease is reported lost.</summary>
public sealed class PostgresLeaseTests : IAsyncLifetime
{
    private const string Name = "validator-singleton-weight-setter";
    private readonly string _schema = TestPostgres.UniqueSchema("lease");
    private ActorSystem? _system;

    public async Task InitializeAsync()
    {
        await using var database = NpgsqlDataSource.Create(TestPostgres.ConnectionString);
        await using var command = database.CreateCommand($"CREATE SCHEMA {_schema}");
        await command.ExecuteNonQueryAsync();
        _system = ActorSystem.Create("lease-test", "akka.loglevel = WARNING");
    }

    public async Task DisposeAsync()
    {
        await _system!.Terminate();
        await TestPostgres.DropSchemaAsync(_schema);
    }

    [Fact]
    public async Task OneOwnerAtATime_ReleaseFreesIt()
    {
        using var a = Lease("node-a");
        using var b = Lease("node-b");

        Assert.True(await a.Acquire());
        Assert.True(await a.Acquire());
        Assert.False(await b.Acquire());
        Assert.True(a.CheckLease());
        Assert.False(b.CheckLease());

        await a.Release();

        Assert.False(a.CheckLease());
        Assert.True(await b.Acquire());
        Assert.True(b.CheckLease());
    }

    [Fact]
    public async Task DeadOwnersLeaseExpires_ThenTheOtherTakesIt()
    {
        var a = Lease("node-a");
        using var b = Lease("node-b");
        Assert.True(await a.Acquire());

        // Node A dies: it stops renewing without releasing, and its row runs out as a whole timeout passes.
        a.Dispose();
        Assert.False(await b.Acquire());
        await ExecuteAsync($"UPDATE {_schema}.sn19_lease SET expires_at = now() - interval '1 second'");

        Assert.True(await b.Acquire());
        Assert.True(b.CheckLease());
    }

    [Fact]
    public async Task LeaseTakenFromALiveOwner_TheOwnerHearsItLostOnItsNextRenewal()
    {
        using var a = Lease("node-a", heartbeat: TimeSpan.FromMilliseconds(100));
        var lost = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        Assert.True(await a.Acquire(reason => lost.TrySetResult(reason)));

        // What another node's acquire does once the row has expired (as after a long pause of A).
        await ExecuteAsync($"UPDATE {_schema}.sn19_lease SET owner = 'node-b'");
        var reason = await lost.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.IsType<LeaseException>(reason);
        Assert.False(a.CheckLease());
    }

    private PostgresLease Lease(string owner, TimeSpan? heartbeat = null)
    {
        var config = ConfigurationFactory.ParseString($"""
            connection-string = "{TestPostgres.ConnectionString.Replace("\"", "\\\"", StringComparison.Ordinal)}"
            schema = "{_schema}"
            """);
        var timeouts = new TimeoutSettings(heartbeat ?? TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(5));
        return new PostgresLease(new LeaseSettings(Name, owner, timeouts, config), (ExtendedActorSystem)_system!);
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var database = NpgsqlDataSource.Create(TestPostgres.ConnectionString);
        await using var command = database.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
