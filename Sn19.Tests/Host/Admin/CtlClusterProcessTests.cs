namespace Sn19.Tests.Host.Admin;

using System.Text.Json;
using Microsoft.Data.Sqlite;
using Sn19.Actors.Cluster;
using Sn19.Actors.Hosting;
using Sn19.Actors.Mechanism;
using Sn19.Actors.Persistence;
using Sn19.Actors.Subnet.Contenders;
using Sn19.Host.Admin;
using Sn19.Tests.TestSupport;

/// <summary>
/// `sn19 ctl cluster` and `sn19 ctl shards` as real processes against a validator-shaped cluster of one: the
/// contender shard region on a SQLite journal, three contenders in it, and the admin API on a free port.
/// </summary>
public sealed class CtlClusterProcessTests : IAsyncLifetime
{
    private const string Token = AdminTestNode.Token;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private readonly TempDirectory _dir = new();
    private NodeActorSystem? _node;
    private AdminServer? _server;

    private string Url => _server!.Address;

    public async Task InitializeAsync()
    {
        var persistence = new PersistenceOptions { Sqlite = new SqlitePersistenceOptions { Path = _dir.File("journal.db") } };
        await SqlPersistenceHocon.EnsureSchemaAsync(persistence, default);
        var cluster = new ClusterOptions();
        var config = ClusterHocon.Build(cluster, "validator", persistence);
        _node = await NodeActorSystem.StartAsync("validator", config, null, null, default);
        await ValidatorCluster.JoinAsync(_node.System, cluster, default);
        var region = await ValidatorCluster.StartContendersAsync(_node.System, cluster, new MechanismOptions(), 0);
        var contenders = new ActorContenders(_node.System, new MechanismOptions(), 0, journalOutlivesProcess: true, region);
        foreach (var miner in new[] { "miner-a", "miner-b", "miner-c" })
        {
            await contenders.OpenAsync(new ContenderKey(miner, "chat"), new PeriodOpening(0, DateTimeOffset.UnixEpoch, 1_000, 60_000, 0.1, 1), default);
        }

        _server = await AdminServer.StartAsync(_node.System, new AdminOptions { Port = 0, Token = Token }, null, default);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        if (_node is not null)
        {
            await _node.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }

    [Fact]
    public async Task ClusterShow_OneMemberUp_WithEveryRole_LeaderAndOldest()
    {
        var (code, json, stderr) = await Sn19Process.RunAsync(Deadline, "ctl", "cluster", "show", "--url", Url, "--token", Token, "--json");
        var table = await Sn19Process.RunAsync(Deadline, "ctl", "cluster", "show", "--url", Url, "--token", Token);

        Assert.True(code == 0, stderr);
        var state = JsonDocument.Parse(json).RootElement;
        var member = Assert.Single(state.GetProperty("members").EnumerateArray().ToList());
        Assert.Equal(state.GetProperty("self").GetString(), member.GetProperty("address").GetString());
        Assert.Equal(state.GetProperty("leader").GetString(), member.GetProperty("address").GetString());
        Assert.Equal("Up", member.GetProperty("status").GetString());
        Assert.Equal(["checker", "organic", "scoring"], member.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.True(member.GetProperty("oldest").GetBoolean());
        Assert.Contains("(this node)", table.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Shards_WithEntities_ListsTheContendersThisNodeHosts()
    {
        var (code, json, stderr) = await Sn19Process.RunAsync(Deadline, "ctl", "shards", "--entities", "--url", Url, "--token", Token, "--json");

        Assert.True(code == 0, stderr);
        var region = Assert.Single(JsonDocument.Parse(json).RootElement.GetProperty("regions").EnumerateArray().ToList());
        Assert.Equal("contender", region.GetProperty("region").GetString());
        var ids = region.GetProperty("shards").EnumerateArray().SelectMany(s => s.GetProperty("entityIds").EnumerateArray()).Select(e => e.GetString()).Order().ToList();
        Assert.Equal(["contender/miner-a/chat", "contender/miner-b/chat", "contender/miner-c/chat"], ids);
    }

    [Fact]
    public async Task Leave_NotAMember_ExitsOneAndSaysSo()
    {
        var run = await Sn19Process.RunAsync(Deadline, "ctl", "cluster", "leave", "akka.tcp://validator@127.0.0.1:1", "--url", Url, "--token", Token);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("is not a member of this cluster", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClusterShow_AgainstANodeOutsideACluster_SaysItIsNotInOne()
    {
        await using var plain = await AdminTestNode.StartAsync();

        var run = await Sn19Process.RunAsync(Deadline, "ctl", "cluster", "show", "--url", plain.Server.Address, "--token", Token);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("not part of a cluster", run.Stderr, StringComparison.Ordinal);
    }
}
