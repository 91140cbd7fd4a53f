namespace Sn19.Tests.Host.Admin;

using Akka.Actor;
using Microsoft.Data.Sqlite;
using Sn19.Actors.Hosting;
using Sn19.Actors.Mechanism;
using Sn19.Actors.Persistence;
using Sn19.Actors.Subnet.Contenders;
using Sn19.Host.Admin;
using Sn19.Tests.Actors.Subnet.Contenders;

/// <summary>
/// A node for the admin API tests: Akka on a SQLite journal with one real contender (persistent, 14 events),
/// <c>/user/subnet</c> with a child <c>contenders</c>, and <c>/user/other</c>; the admin API on a free port.
/// </summary>
internal sealed class AdminTestNode : IAsyncDisposable
{
    public const string Token = "test-token-0123456789";
    public static readonly ContenderKey Contender = new("5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty", "chat");
    private readonly string _dir;

    private AdminTestNode(string dir, NodeActorSystem node, AdminServer server)
    {
        _dir = dir;
        Node = node;
        Server = server;
    }

    public NodeActorSystem Node { get; }

    public AdminServer Server { get; }

    public static async Task<AdminTestNode> StartAsync(int port = 0)
    {
        var dir = Path.Combine(Path.GetTempPath(), $"sn19-admin-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        var persistence = new PersistenceOptions { Sqlite = new SqlitePersistenceOptions { Path = Path.Combine(dir, "journal.db") } };
        var node = await NodeActorSystem.StartAsync("admin-test", NodeConfig.Build(null, persistence), null, null, default);
        await ContenderPersistenceSpec.DriveAsync(new ActorContenders(node.System, new MechanismOptions(), 0), Contender);
        var subnet = node.System.ActorOf(NoteActor.With("contenders"), "subnet");
        subnet.Tell("hello");
        node.System.ActorOf(NoteActor.With(), "other");
        try
        {
            var server = await AdminServer.StartAsync(node.System, new AdminOptions { Port = port, Token = Token }, null, default);
            return new AdminTestNode(dir, node, server);
        }
        catch
        {
            await node.DisposeAsync();
            SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        await Node.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }
}
