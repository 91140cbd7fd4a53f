namespace Sn19.Tests.Host.Dashboard;

using System.Globalization;
using System.Text.Json;
using Sn19.Tests.TestSupport;

/// <summary>
/// `sn19 ctl export` against a running `sn19 local`: the CSV rows of a period say what `sn19 ctl contenders` says of
/// that period for every contender (declared and granted capacity, queries by outcome, period score), and the weights
/// file holds the round set after it.
/// </summary>
[Collection(DashboardLocalCollection.Name)]
public sealed class HistoryExportTests(DashboardLocalFixture local) : IDisposable
{
    private readonly TempDirectory _out = new("sn19-export");

    public void Dispose() => _out.Dispose();

    [Fact]
    public async Task Export_OfTheLastClosedPeriod_MatchesCtlContenders()
    {
        using var contenders = JsonDocument.Parse(await local.CtlAsync("contenders", "--json"));
        var closed = contenders.RootElement.GetProperty("contenders").EnumerateArray()
            .Select(c => (Task: c.GetProperty("taskId").GetString()!, Hotkey: c.GetProperty("hotkey").GetString()!, Last: c.GetProperty("lastClosed")))
            .Where(c => c.Last.ValueKind == JsonValueKind.Object)
            .ToList();
        Assert.NotEmpty(closed);
        var period = closed.Max(c => c.Last.GetProperty("period").GetInt64());
        var rows = await ExportedRowsAsync(period);

        foreach (var (task, hotkey, last) in closed.Where(c => c.Last.GetProperty("period").GetInt64() == period))
        {
            Assert.True(rows.TryGetValue((task, hotkey), out var row), $"no CSV row of period {period} for {hotkey} ({task})");
            Assert.Equal(last.GetProperty("declaredCapacity").GetDouble(), Number(row["declared_capacity"]));
            Assert.Equal(last.GetProperty("capacity").GetDouble(), Number(row["capacity"]));
            Assert.Equal(last.GetProperty("ok").GetInt32(), (int)Number(row["ok"]));
            Assert.Equal(last.GetProperty("rateLimited").GetInt32(), (int)Number(row["rate_limited"]));
            Assert.Equal(last.GetProperty("failed").GetInt32(), (int)Number(row["failed"]));
            var score = last.GetProperty("score");
            Assert.Equal(score.ValueKind == JsonValueKind.Null ? "" : score.GetDouble().ToString("R", CultureInfo.InvariantCulture), row["period_score"]);
        }

        Assert.Equal(closed.Count(c => c.Last.GetProperty("period").GetInt64() == period), rows.Count);
        var weights = Directory.GetFiles(_out.Path, "weights-*.csv");
        Assert.NotEmpty(weights);
        Assert.StartsWith("round,set_at,uid,hotkey,weight,u16", await File.ReadAllTextAsync(weights[0]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_WithToBeforeFrom_IsRefusedWithExitCode2()
    {
        var run = await Sn19Process.RunAsync(
            TimeSpan.FromSeconds(60), "ctl", "export", "--from", "2026-12-07", "--to", "2026-12-01", "--out", _out.Path,
            "--url", local.AdminUrl, "--token", local.AdminToken);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--to must not be before --from", run.Stderr, StringComparison.Ordinal);
    }

    /// <summary>Exports yesterday and today (a period may have ended just before midnight UTC) and returns the rows of
    /// <paramref name="period"/> by (task, hotkey); the history is written a moment after the contenders close, so an
    /// export that does not have the period yet is run again.</summary>
    private async Task<Dictionary<(string, string), Dictionary<string, string>>> ExportedRowsAsync(long period)
    {
        var today = DateTime.UtcNow.Date;
        for (var attempt = 0; ; attempt++)
        {
            await local.CtlAsync(
                "export", "--from", today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                "--to", today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "--out", _out.Path);
            var rows = new Dictionary<(string, string), Dictionary<string, string>>();
            foreach (var file in Directory.GetFiles(_out.Path, "contenders-*.csv"))
            {
                var lines = await File.ReadAllLinesAsync(file);
                var header = lines[0].Split(',');
                foreach (var fields in lines.Skip(1).Select(l => l.Split(',')))
                {
                    var row = header.Zip(fields).ToDictionary(p => p.Item1, p => p.Item2, StringComparer.Ordinal);
                    if (row["period"] == period.ToString(CultureInfo.InvariantCulture))
                    {
                        rows[(row["task"], row["hotkey"])] = row;
                    }
                }
            }

            if (rows.Count > 0 || attempt == 10)
            {
                return rows;
            }

            await Task.Delay(1000);
        }
    }

    private static double Number(string field) => double.Parse(field, CultureInfo.InvariantCulture);
}
