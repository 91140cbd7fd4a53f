namespace Sn19.Tests.Host.Cli.Simulate;

using System.Text.Json;
using Sn19.Tests.TestSupport;

/// <summary>
/// A validator killed with SIGKILL mid-period restarts with the same contender state from its SQLite
/// journal and ends with the same weights as an uninterrupted run (issue 7, Must show 4).
/// </summary>
public sealed class SimulateCrashTests : IDisposable
{
    private static readonly string Scenario = Path.Combine("scenarios", "five-miners.json");
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), $"sn19-crash-{Guid.NewGuid():N}");

    [Fact]
    public async Task Simulate_KilledMidPeriod_ResumesWithSameStateAndSameWeights()
    {
        var uninterrupted = await Sn19Process.RunAsync("simulate", "--scenario", Scenario, "--periods", "8", "--seed", "7", "--json");
        Assert.True(uninterrupted.ExitCode == 0, uninterrupted.Stderr);

        // Period 5 has about 750 events; halt before event 301 and kill the process there.
        using (var doomed = Sn19Process.Start(
            "simulate", "--scenario", Scenario, "--periods", "8", "--seed", "7", "--json", "--data-dir", _dataDir, "--halt-at", "5:301"))
        {
            await Testing.WaitUntilAsync(() => doomed.Stderr.Contains("halted ", StringComparison.Ordinal), deadlineSeconds: 90);
            doomed.Kill();
            var halted = Line(doomed.Stderr, "halted ");

            var resumed = await Sn19Process.RunAsync(
                "simulate", "--scenario", Scenario, "--periods", "8", "--seed", "7", "--json", "--data-dir", _dataDir);

            Assert.True(resumed.ExitCode == 0, resumed.Stderr);
            Assert.Equal(halted, Line(resumed.Stderr, "recovered "));
            Assert.Contains("\"queries\":", halted, StringComparison.Ordinal);
            Assert.Equal(SimulateProcessTests.FinalSection(uninterrupted.Stdout), SimulateProcessTests.FinalSection(resumed.Stdout));
            Assert.Equal([5L, 6L, 7L], Periods(resumed.Stdout));
        }
    }

    [Fact]
    public async Task Simulate_KilledAtAnArbitraryMoment_ResumesToSameWeights()
    {
        var uninterrupted = await Sn19Process.RunAsync("simulate", "--scenario", Scenario, "--periods", "4", "--seed", "3", "--json");
        var journal = Path.Combine(_dataDir, "journal.db-wal");
        using (var doomed = Sn19Process.Start("simulate", "--scenario", Scenario, "--periods", "4", "--seed", "3", "--json", "--data-dir", _dataDir))
        {
            // Wherever the run happens to be once its journal holds about a hundred commits (a 4 KiB WAL
            // frame each); should the run finish first, the resume below is a no-op and must still agree.
            await Testing.WaitUntilAsync(
                () => doomed.HasExited || (File.Exists(journal) && new FileInfo(journal).Length > 400_000), deadlineSeconds: 90);
            doomed.Kill();
        }

        var resumed = await Sn19Process.RunAsync("simulate", "--scenario", Scenario, "--periods", "4", "--seed", "3", "--json", "--data-dir", _dataDir);

        Assert.True(resumed.ExitCode == 0, resumed.Stderr);
        Assert.Equal(SimulateProcessTests.FinalSection(uninterrupted.Stdout), SimulateProcessTests.FinalSection(resumed.Stdout));
    }

    public void Dispose()
    {
        if (Directory.Exists(_dataDir))
        {
            Directory.Delete(_dataDir, recursive: true);
        }
    }

    private static string Line(string stderr, string prefix) =>
        stderr.Split('\n').Select(l => l.TrimEnd('\r')).Single(l => l.StartsWith(prefix, StringComparison.Ordinal))[prefix.Length..];

    private static long[] Periods(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return [.. doc.RootElement.GetProperty("reports").EnumerateArray().Select(r => r.GetProperty("period").GetInt64())];
    }
}
