namespace Sn19.Tests.Host.Admin;

using System.Text.Json;
using Sn19.Tests.TestSupport;

/// <summary>Must show 5: `sn19 ctl actors` as a real process against a live `sn19 ctl demo-node` process.</summary>
public sealed class CtlActorsProcessTests : IDisposable
{
    private const string Token = "ctl-test-token";
    private readonly TempDirectory _directory = new("sn19-ctl");

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task CtlActors_AgainstDemoNode_ListsActorsWithEveryField()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await using var node = Sn19Process.Start("ctl", "demo-node", "--port", "0", "--token", Token, "--data-dir", _directory.Path);
        var first = await node.ReadLineAsync(deadline.Token) ?? throw new InvalidOperationException("demo-node exited: " + node.Stderr);
        var url = first.Split(' ').First(w => w.StartsWith("http://127.0.0.1:", StringComparison.Ordinal)).TrimEnd(';');

        // The counter persists one increment a second; wait until it has, so the sequence number is live.
        JsonElement counter = default;
        while (counter.ValueKind == JsonValueKind.Undefined || counter.GetProperty("sequenceNr").GetInt64() < 1)
        {
            var (code, json, stderr) = await Sn19Process.RunAsync(60, "ctl", "actors", "--url", url, "--token", Token, "--json");
            Assert.True(code == 0, stderr);
            var actors = JsonDocument.Parse(json).RootElement.GetProperty("actors").EnumerateArray().ToList();
            Assert.Contains(actors, a => a.GetProperty("path").GetString() == "/user/demo/contenders/5FHneW46-text");
            counter = actors.Single(a => a.GetProperty("path").GetString() == "/user/demo/counter");
            deadline.Token.ThrowIfCancellationRequested();
        }

        Assert.Equal("DemoCounterActor", counter.GetProperty("type").GetString());
        Assert.Equal("Running", counter.GetProperty("status").GetString());
        Assert.Equal(0, counter.GetProperty("mailboxDepth").GetInt32());
        Assert.Equal(0, counter.GetProperty("restarts").GetInt32());
        Assert.Equal(JsonValueKind.String, counter.GetProperty("lastMessageAt").ValueKind);
        Assert.Equal("demo-counter", counter.GetProperty("persistenceId").GetString());
        Assert.True(counter.GetProperty("summary").GetProperty("value").GetInt64() >= 1);

        var table = await Sn19Process.RunAsync(60, "ctl", "actors", "--url", url, "--token", Token, "--path", "/user/demo");
        Assert.True(table.ExitCode == 0, table.Stderr);
        foreach (var expected in new[] { "path", "mailbox", "restarts", "last message", "persistence id", "seq", "summary", "/user/demo/counter", "demo-counter", "DemoTickerActor" })
        {
            Assert.Contains(expected, table.Stdout, StringComparison.Ordinal);
        }

        var one = await Sn19Process.RunAsync(60, "ctl", "actor", "/user/demo/counter", "--url", url, "--token", Token);
        Assert.True(one.ExitCode == 0, one.Stderr);
        Assert.Contains("sequence nr", one.Stdout, StringComparison.Ordinal);

        var refused = await Sn19Process.RunAsync(60, "ctl", "actors", "--url", url, "--token", "wrong");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("token was rejected", refused.Stderr, StringComparison.Ordinal);
    }
}
