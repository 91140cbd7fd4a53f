namespace Sn19.Actors.Subnet.Simulation;

using Akka.Actor;
using Akka.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Sn19.Actors.Crypto;
using Sn19.Actors.Hosting;
using Sn19.Actors.Mechanism;
using Sn19.Actors.Signing;
using Sn19.Actors.Subnet.LlmChecks;
using Sn19.Actors.Subnet.Synthetics;
using Sn19.Actors.Subnet.Tasks;
using Sn19.Actors.Subnet.Validation;
using Sn19.Actors.Wire.Queries;

/// <summary>
/// Runs a scenario through the validator itself: a <see cref="ValidatorNode"/> on a <see cref="VirtualScheduler"/>
/// with Akka's in-memory journal, its miners the scenario's scripted ones (<see cref="ScriptedMinerLine"/>), its
/// chain the scenario's (<see cref="ScenarioChain"/>), its checker the scripted quality (or, with the scenario's engine,
/// the real LLM check of real answers: <see cref="ScenarioEngineParts"/>), and the scenario's users
/// sending organic requests through the node's router. The coordinator, task actors, contenders, dispatcher,
/// check queue and weight setter are the validator's own; a <see cref="VirtualTimeDriver"/> moves time.
/// </summary>
internal static class ScenarioSimulation
{
    /// <summary>Simulated time starts here, so runs are comparable.</summary>
    public static readonly DateTimeOffset Epoch = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The simulated validator's key: a development URI, the same in every run.</summary>
    private const string ValidatorKey = "//Sn19Simulate";

    private const string VirtualTime = """
        akka.scheduler.implementation = "Sn19.Actors.Hosting.VirtualScheduler, Sn19.Actors"
        akka.persistence.journal.plugin = "akka.persistence.journal.inmem"
        akka.persistence.snapshot-store.plugin = "akka.persistence.snapshot-store.inmem"
        """;

    /// <summary>Runs <paramref name="periods"/> periods; each closed one is reported with its scenario period number (0 first).</summary>
    public static async Task<IReadOnlyList<PeriodReport>> RunAsync(
        Scenario scenario, TaskRegistry registry, MechanismOptions options, long seed, int periods, MarkovTextModel corpus,
        ScenarioEngineParts? engine, Action<PeriodReport>? onPeriod, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(options);
        var clockOfPeriods = new PeriodClock(options.Period);
        var first = clockOfPeriods.IndexAt(Epoch - TimeSpan.FromTicks(1)) + 1;
        var start = clockOfPeriods.StartOf(first);
        var clock = new VirtualClock(start);
        var signer = InProcessHotkeySigner.Create(new Sr25519MessageSigner(Sr25519Keypair.FromSecretUri(ValidatorKey)), "validator", TimeProvider.System, TimeSpan.FromMinutes(2), NullLogger.Instance);
        var chain = new ScenarioChain(scenario, signer.HotkeyAddress, clock, start);
        var miners = new ScriptedMinerLine(scenario, registry, seed, clock, clockOfPeriods, first, engine?.Answers);
        var checkers = engine?.Checkers
            ?? [.. registry.All.Select(t => t.Model).Distinct(StringComparer.Ordinal).Select(model => new ScriptedChecker(model, miners.Miners))];
        var settings = new ValidatorSettings(
            signer.HotkeyAddress, options, registry, engine?.Synthetics ?? new SyntheticOptions(), new QueryTimeouts(), new LlmCheckOptions(), seed,
            MaxConcurrentQueries: 1, CapacityTimeout: TimeSpan.FromSeconds(5));
        var hosting = new ValidatorHosting(
            ConfigurationFactory.ParseString(VirtualTime).WithFallback(NodeConfig.Build(null, null)), JournalOutlivesProcess: false, SnapshotEvery: 100, miners);

        await using var node = await ValidatorNode.StartAsync(
            settings, chain, signer, hosting, corpus, checkers, NullLoggerFactory.Instance, TimeProvider.System, cancellationToken);
        var scheduler = (VirtualScheduler)node.System.Scheduler;
        scheduler.MoveTo(start - TimeSpan.FromSeconds(1));
        clock.Scheduler = scheduler;

        var reports = new List<PeriodReport>();
        await using var run = node.StartPeriods(periods, report =>
        {
            var relative = report with { Period = report.Period - first };
            reports.Add(relative);
            onPeriod?.Invoke(relative);
            return Task.CompletedTask;
        }, null);
        var driver = new VirtualTimeDriver(scheduler, node.SettledAsync);
        await run.Coordinator!.Ask<ActorIdentity>(new Identify(null), TimeSpan.FromSeconds(60), cancellationToken);
        var users = node.System.ActorOf(ScriptedUsersActor.Props(new ScriptedUsers(scenario, node.Organic, miners, clockOfPeriods, first, seed)), "users");
        await users.Ask<ActorIdentity>(new Identify(null), TimeSpan.FromSeconds(60), cancellationToken);
        await driver.RunUntilAsync(run.Finished, cancellationToken);
        return reports;
    }
}
