namespace Sn19.Tests.Host.Cli.Simulate;

using System.Text.Json;
using Sn19.Tests.TestSupport;

/// <summary>`sn19 simulate` as a user runs it (issue 7, Must show 3).</summary>
public sealed class SimulateProcessTests
{
    private static readonly string Scenario = Path.Combine("scenarios", "five-miners.json");
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <summary>The scenario paths are relative to the repository root, as a user in a checkout gives them.</summary>
    private static readonly Sn19ProcessOptions FromRepositoryRoot = new() { WorkingDirectory = TestPaths.RepositoryRoot };

    [Fact]
    public async Task Simulate_FiveMinersScenario_RanksHonestFastToLowQualityAndReproducesBytes()
    {
        var first = await Sn19Process.RunAsync(Timeout, FromRepositoryRoot, "simulate", "--scenario", Scenario, "--periods", "12", "--seed", "7", "--json");
        var second = await Sn19Process.RunAsync(Timeout, FromRepositoryRoot, "simulate", "--scenario", Scenario, "--periods", "12", "--seed", "7", "--json");

        Assert.True(first.ExitCode == 0, first.Stderr);
        Assert.Equal(first.Stdout, second.Stdout);
        var miners = FinalMiners(first.Stdout);
        AssertRanking(miners);
        Assert.Equal(0, miners.Single(m => m.Hotkey == "low-quality").Value);
        Assert.All(miners.Where(m => m.Hotkey != "low-quality"), m => Assert.True(m.Value > 0, m.Hotkey));
        Assert.Equal(1.0, miners.Sum(m => m.Weight), 9);
    }

    [Fact]
    public async Task Simulate_OtherSeed_DifferentBytesSameRanking()
    {
        var run = await Sn19Process.RunAsync(Timeout, FromRepositoryRoot, "simulate", "--scenario", Scenario, "--periods", "12", "--seed", "8", "--json");
        var baseline = await Sn19Process.RunAsync(Timeout, FromRepositoryRoot, "simulate", "--scenario", Scenario, "--periods", "12", "--seed", "7", "--json");

        Assert.NotEqual(baseline.Stdout, run.Stdout);
        AssertRanking(FinalMiners(run.Stdout));
    }

    [Fact]
    public async Task Simulate_Tables_PrintPeriodsAndFinalWeights()
    {
        var run = await Sn19Process.RunAsync(Timeout, FromRepositoryRoot, "simulate", "--scenario", Scenario, "--periods", "2", "--seed", "1");

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("period 0", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("period 1", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("weights after period 1", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulate_MissingScenario_ExitCode2WithMessage()
    {
        var run = await Sn19Process.RunAsync(Timeout, FromRepositoryRoot, "simulate", "--scenario", "no-such-file.json");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("does not exist", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulate_InvalidScenario_ExitCode2NamesTheField()
    {
        var path = Path.Combine(Path.GetTempPath(), $"sn19-bad-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, """{ "tasks": [ { "id": "chat" } ], "miners": [ { "name": "m", "failure-rate": 2 } ] }""");
        try
        {
            var run = await Sn19Process.RunAsync(Timeout, FromRepositoryRoot, "simulate", "--scenario", path);
            Assert.Equal(2, run.ExitCode);
            Assert.Contains("miners.m.failure-rate", run.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>
    /// The honest miners first and second, the low-quality one last; the flaky and the over-declaring ones in
    /// between, in an order the seed decides (both lose about a third of their score, in different ways).
    /// </summary>
    private static void AssertRanking(IReadOnlyList<(string Hotkey, double Weight, int Value)> miners)
    {
        var ranked = miners.OrderByDescending(m => m.Weight).Select(m => m.Hotkey).ToList();
        Assert.Equal(["honest-fast", "honest-slow"], ranked.Take(2));
        Assert.Equal(["flaky", "over-declaring"], ranked.Skip(2).Take(2).Order(StringComparer.Ordinal));
        Assert.Equal("low-quality", ranked[^1]);
    }

    internal static IReadOnlyList<(string Hotkey, double Weight, int Value)> FinalMiners(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return [.. doc.RootElement.GetProperty("final").GetProperty("miners").EnumerateArray()
            .Select(m => (m.GetProperty("hotkey").GetString()!, m.GetProperty("weight").GetDouble(), m.GetProperty("value").GetInt32()))];
    }

    internal static string FinalSection(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.GetProperty("final").GetRawText();
    }
}
