namespace Sn19.Tests.Host.Local;

using System.Text.Json;
using Microsoft.Data.Sqlite;
using Sn19.Tests.TestSupport;

/// <summary>
/// `sn19 ctl contenders`, `ctl weights`, `ctl cluster show` and `ctl shards` against a running `sn19 local`
/// (periods of 20 s): the operator's view of a live validator, as real processes.
/// </summary>
public sealed class CtlValidatorProcessTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);
    private readonly TempDirectory _directory = new("sn19-ctl-validator");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }

    [Fact]
    public async Task Ctl_AgainstSn19Local_ShowsContendersWeightsClusterAndShards()
    {
        await using var local = Sn19Process.Start(
            "local", "--periods", "3", "--data-dir", _directory.Path, "--set", "mechanism.period=20s", "--set", "admin.port=0");
        var live = await local.WaitForLineAsync(l => l.StartsWith("Live actors:", StringComparison.Ordinal), Patience);
        var printed = await local.WaitForLineAsync(l => l.Contains("Weights round 0:", StringComparison.Ordinal), Patience);
        var url = live.Split(' ').First(w => w.StartsWith("http://", StringComparison.Ordinal));
        var token = (await File.ReadAllTextAsync(_directory.File("admin.token"))).Trim();

        var contenders = await CtlJsonAsync(url, token, "contenders");
        var weights = await CtlJsonAsync(url, token, "weights", "--limit", "5");
        var cluster = await CtlJsonAsync(url, token, "cluster", "show");
        var shards = await CtlJsonAsync(url, token, "shards", "--entities");
        var table = await Sn19Process.RunAsync(Patience, "ctl", "contenders", "--url", url, "--token", token);

        // Four miners (honest-1, honest-2, impostor, over-declarer) on two tasks, each with a closed period.
        var rows = contenders.GetProperty("contenders").EnumerateArray().ToList();
        Assert.Equal(8, rows.Count);
        Assert.All(rows, r => Assert.Equal(JsonValueKind.Number, r.GetProperty("lastClosedPeriod").ValueKind));
        // Round 0 as the node printed it ("Weights round 0: Submitted", or the chain's refusal under load).
        var round = weights.GetProperty("rounds").EnumerateArray().Single(r => r.GetProperty("round").GetProperty("round").GetInt64() == 0);
        var printedStatus = printed[(printed.IndexOf("Weights round 0: ", StringComparison.Ordinal) + "Weights round 0: ".Length)..].Trim().Split(' ')[0];
        Assert.Equal(printedStatus, round.GetProperty("status").GetString());
        Assert.True(round.GetProperty("round").GetProperty("miners").GetArrayLength() >= 3);
        Assert.Equal("Up", cluster.GetProperty("members").EnumerateArray().Single().GetProperty("status").GetString());
        var regions = shards.GetProperty("regions").EnumerateArray().ToDictionary(r => r.GetProperty("region").GetString()!, EntityIds);
        Assert.All(rows, r => Assert.Contains($"contender/{r.GetProperty("hotkey").GetString()}/{r.GetProperty("taskId").GetString()}", regions["contender"]));
        // The task model's checker region, its one entity named after the model.
        Assert.Equal(["sn19-test"], regions["checker-sn19-test"]);
        Assert.True(table.ExitCode == 0, table.Stderr);
        Assert.Contains("8 contender(s)", table.Stdout, StringComparison.Ordinal);
    }

    private static HashSet<string?> EntityIds(JsonElement region) =>
        region.GetProperty("shards").EnumerateArray().SelectMany(s => s.GetProperty("entityIds").EnumerateArray()).Select(e => e.GetString()).ToHashSet();

    private static async Task<JsonElement> CtlJsonAsync(string url, string token, params string[] command)
    {
        var run = await Sn19Process.RunAsync(Patience, ["ctl", .. command, "--json", "--url", url, "--token", token]);
        Assert.True(run.ExitCode == 0, run.Stderr);
        return JsonDocument.Parse(run.Stdout).RootElement.Clone();
    }
}
