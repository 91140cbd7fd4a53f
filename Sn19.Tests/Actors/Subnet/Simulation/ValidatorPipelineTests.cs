namespace Sn19.Tests.Actors.Subnet.Simulation;

using System.Text.Json;
using Sn19.Actors.Mechanism;
using Sn19.Actors.Subnet.Simulation;
using Sn19.Actors.Subnet.Synthetics;
using Sn19.Actors.Subnet.Tasks;
using Sn19.Actors.Subnet.Validation;
using Sn19.Actors.Subnet.Weights;
using Sn19.Tests.TestSupport;

/// <summary>
/// The whole validator pipeline on virtual time, in process: the period coordinator, task actors, persistent
/// contenders, dispatcher and check streams, organic router and weight setter, against scripted miners and
/// users (<see cref="ScenarioSimulation"/>). Two 30-minute periods run in about a second.
/// </summary>
public sealed class ValidatorPipelineTests
{
    private const string Scenario = """
        {
          "tasks": [ { "id": "chat", "kind": "chat", "model": "m", "max-capacity": 60000, "weight": 1.0, "volume-per-request": 300, "timeout-seconds": 2 } ],
          "organic-load": 0.7,
          "miners": [
            { "name": "honest", "capacity": { "chat": 30000 }, "tokens-per-second": 80, "latency-ms": 150 },
            { "name": "over-declarer", "capacity": { "chat": 30000 }, "real-capacity": 0.3, "tokens-per-second": 80, "latency-ms": 150 },
            { "name": "impostor", "capacity": { "chat": 30000 }, "quality": { "min": 0.0, "max": 0.2 }, "tokens-per-second": 80, "latency-ms": 150 },
            { "name": "silent", "capacity": { "chat": 30000 }, "failure-rate": 1.0 }
          ]
        }
        """;

    [Fact]
    public async Task TwoPeriods_ScoreWeighAndSubmit_ImpostorAndSilentAtZero()
    {
        var reports = await RunAsync(seed: 5, periods: 2);

        Assert.Equal([0L, 1L], reports.Select(r => r.Period));
        var last = reports[^1];
        Assert.Equal(WeightSubmissionStatus.Submitted, last.Weights!.Status);
        var weights = last.Weights.Round.Miners.ToDictionary(m => m.Hotkey, m => m.Weight);
        var onChain = last.Weights.Round.Miners.ToDictionary(m => m.Hotkey, m => m.Value);
        Assert.Equal(0, onChain["impostor"]);
        Assert.Equal(0, onChain.GetValueOrDefault("silent"));
        Assert.True(weights["honest"] > weights["over-declarer"], $"honest {weights["honest"]}, over-declarer {weights["over-declarer"]}");

        // Every query the task actors and the router counted reached a contender's journal, and the other way round.
        foreach (var report in reports)
        {
            var task = Assert.Single(report.Tasks);
            Assert.Equal(task.Ok, report.Rows.Sum(r => r.Ok));
            Assert.Equal(task.RateLimited, report.Rows.Sum(r => r.RateLimited));
            Assert.Equal(task.Failed, report.Rows.Sum(r => r.Failed));
            Assert.True(task.OrganicRequests > 0);
        }

        var overDeclarer = reports.SelectMany(r => r.Rows).Where(r => r.Hotkey == "over-declarer");
        Assert.True(overDeclarer.Sum(r => r.RateLimited) > 0, "the over-declarer was never pushed past its real capacity");
        Assert.All(reports.SelectMany(r => r.Rows).Where(r => r.Hotkey == "silent"), r => Assert.Equal(0, r.Ok));
        Assert.True(last.Rows.Single(r => r.Hotkey == "impostor").Quality < 0.3);
    }

    [Fact]
    public async Task SameSeed_SameReports_OtherSeed_Different()
    {
        var first = Json(await RunAsync(seed: 11, periods: 2));
        var second = Json(await RunAsync(seed: 11, periods: 2));
        var other = Json(await RunAsync(seed: 12, periods: 2));

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }

    private static async Task<IReadOnlyList<PeriodReport>> RunAsync(long seed, int periods)
    {
        var scenario = ScenarioLoader.TryLoad(Scenario, out var problems) ?? throw new InvalidOperationException(string.Join("; ", problems));
        var registry = TaskRegistry.TryCreate(ScenarioTasks.ToOptions(scenario), out var taskProblems)
            ?? throw new InvalidOperationException(string.Join("; ", taskProblems));
        var corpus = MarkovTextModel.Build(await File.ReadAllTextAsync(Path.Combine(TestPaths.RepositoryRoot, "assets", "synthetic-corpus.txt")));
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        return await ScenarioSimulation.RunAsync(scenario, registry, new MechanismOptions(), seed, periods, corpus, null, null, timeout.Token);
    }

    private static string Json(IReadOnlyList<PeriodReport> reports) => JsonSerializer.Serialize(reports);
}
