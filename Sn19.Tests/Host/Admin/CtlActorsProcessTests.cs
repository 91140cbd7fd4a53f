namespace Sn19.Tests.Host.Admin;

using System.Text.Json;
using Sn19.Tests.TestSupport;

/// <summary>`sn19 ctl actors` and `sn19 ctl actor` as real processes against a live Akka.NET node's admin API.</summary>
public sealed class CtlActorsProcessTests : IAsyncLifetime
{
    private const string Token = AdminTestNode.Token;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private AdminTestNode? _node;

    private string Url => _node!.Server.Address;

    public async Task InitializeAsync() => _node = await AdminTestNode.StartAsync();

    public async Task DisposeAsync()
    {
        if (_node is not null)
        {
            await _node.DisposeAsync();
        }
    }

    [Fact]
    public async Task CtlActors_AgainstAnAkkaNode_ListsActorsWithEveryField()
    {
        var (code, json, stderr) = await Sn19Process.RunAsync(Deadline, "ctl", "actors", "--url", Url, "--token", Token, "--json");
        Assert.True(code == 0, stderr);
        var actors = JsonDocument.Parse(json).RootElement.GetProperty("actors").EnumerateArray().ToList();
        Assert.Contains(actors, a => a.GetProperty("path").GetString() == "/user/subnet/contenders");
        var contender = actors.Single(a => a.GetProperty("persistenceId").GetString() == AdminTestNode.Contender.PersistenceId);
        Assert.Equal("ContenderActor", contender.GetProperty("type").GetString());
        Assert.Equal("running", contender.GetProperty("status").GetString());
        Assert.Equal(0, contender.GetProperty("mailboxDepth").GetInt32());
        Assert.Equal(14, contender.GetProperty("sequenceNr").GetInt64());
        Assert.Equal(12, contender.GetProperty("summary").GetProperty("queries").GetInt32());

        var table = await Sn19Process.RunAsync(Deadline, "ctl", "actors", "--url", Url, "--token", Token, "--path", "/user");
        Assert.True(table.ExitCode == 0, table.Stderr);
        foreach (var expected in new[] { "path", "mailbox", "children", "persistence id", "seq", "summary", "/user/subnet", "ContenderActor", "NoteActor" })
        {
            Assert.Contains(expected, table.Stdout, StringComparison.Ordinal);
        }

        var path = contender.GetProperty("path").GetString()!;
        var one = await Sn19Process.RunAsync(Deadline, "ctl", "actor", path, "--url", Url, "--token", Token);
        Assert.True(one.ExitCode == 0, one.Stderr);
        Assert.Contains("sequence nr", one.Stdout, StringComparison.Ordinal);

        var refused = await Sn19Process.RunAsync(Deadline, "ctl", "actors", "--url", Url, "--token", "wrong");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("token was rejected", refused.Stderr, StringComparison.Ordinal);
    }
}
