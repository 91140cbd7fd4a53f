namespace Sn19.Tests.Host.Cli.Simulate;

using Sn19.Tests.TestSupport;

/// <summary>
/// `sn19 simulate` with hostile miners on a real model (issue 23, Must show 4): answers from the embedded engine on a
/// Tiny test model, honest or cheating, every check the real LLM check.
/// </summary>
public sealed class HostileScenarioTests
{
    private static readonly string Scenario = Path.Combine("scenarios", "hostile-miners.json");
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);
    private static readonly Sn19ProcessOptions FromRepositoryRoot = new() { WorkingDirectory = TestPaths.RepositoryRoot };
    private static readonly string[] Cheats = ["early-eos", "truncated", "replay", "forger", "impostor"];

    [Fact]
    public async Task Simulate_HostileMiners_EndAtWeightZeroWhileHonestOnesShareIt()
    {
        var run = await Sn19Process.RunAsync(Timeout, FromRepositoryRoot, "simulate", "--scenario", Scenario, "--periods", "2", "--seed", "7", "--json");

        Assert.True(run.ExitCode == 0, run.Stderr);
        var miners = SimulateProcessTests.FinalMiners(run.Stdout);
        Assert.All(miners.Where(m => Cheats.Contains(m.Hotkey)), m => Assert.True(m.Value == 0, $"{m.Hotkey} kept weight {m.Weight}"));
        var honest = miners.Where(m => m.Hotkey.StartsWith("honest-", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, honest.Count);
        Assert.Equal(1.0, honest.Sum(m => m.Weight), 9);
        Assert.All(honest, m => Assert.True(m.Weight > 0.3, $"{m.Hotkey} has weight {m.Weight}"));
    }

    [Fact]
    public async Task Simulate_UnknownHostileKind_ExitCode2NamesTheMiner()
    {
        var path = Path.Combine(Path.GetTempPath(), $"sn19-hostile-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, """
            { "engine": { "model": "tiny" },
              "tasks": [ { "id": "chat", "kind": "chat", "model": "m", "max-capacity": 1000, "weight": 1, "volume-per-request": 100, "timeout-seconds": 5 } ],
              "miners": [ { "name": "sly", "hostile": "lazy", "capacity": { "chat": 1000 } } ] }
            """);
        try
        {
            var run = await Sn19Process.RunAsync(Timeout, FromRepositoryRoot, "simulate", "--scenario", path);
            Assert.Equal(2, run.ExitCode);
            Assert.Contains("miners.sly.hostile", run.Stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Simulate_HostileWithoutEngine_ExitCode2SaysItNeedsOne()
    {
        var path = Path.Combine(Path.GetTempPath(), $"sn19-hostile-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, """
            { "tasks": [ { "id": "chat", "kind": "chat", "model": "m", "max-capacity": 1000, "weight": 1, "volume-per-request": 100, "timeout-seconds": 5 } ],
              "miners": [ { "name": "sly", "hostile": "replay", "capacity": { "chat": 1000 } } ] }
            """);
        try
        {
            var run = await Sn19Process.RunAsync(Timeout, FromRepositoryRoot, "simulate", "--scenario", path);
            Assert.Equal(2, run.ExitCode);
            Assert.Contains("miners.sly.hostile needs the scenario's engine", run.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
