namespace Sn19.Host.Cli.Simulate;

using Sn19.Actors.Hosting;
using Sn19.Actors.Mechanism;
using Sn19.Actors.Persistence;
using Sn19.Actors.Subnet.Contenders;
using Sn19.Actors.Subnet.Simulation;
using Sn19.Actors.Subnet.Tasks;

/// <summary>
/// Loads the scenario, runs the simulation and renders it (tables or JSON). Without --data-dir contenders
/// are plain in-process state; with it they are persistent actors journaled to SQLite, and a run killed
/// at any point resumes from the journal when started again with the same arguments.
/// </summary>
internal static class SimulateRun
{
    public static async Task<int> RunAsync(SimulateArguments args, MechanismOptions options, TextWriter output, TextWriter error, CancellationToken ct)
    {
        if (options.Validate() is { Count: > 0 } invalid)
        {
            foreach (var problem in invalid)
            {
                await error.WriteLineAsync("sn19 simulate: " + problem);
            }

            return ExitCodes.UsageOrInput;
        }

        if (args.Periods is < 1 or > 10_000)
        {
            await error.WriteLineAsync("sn19 simulate: --periods must be between 1 and 10000");
            return ExitCodes.UsageOrInput;
        }

        if (!args.Scenario.Exists)
        {
            await error.WriteLineAsync($"sn19 simulate: scenario file {args.Scenario.FullName} does not exist");
            return ExitCodes.UsageOrInput;
        }

        var scenario = ScenarioLoader.TryLoad(await File.ReadAllTextAsync(args.Scenario.FullName, ct), out var problems);
        TaskRegistry? registry = null;
        if (scenario is not null)
        {
            registry = TaskRegistry.TryCreate(ScenarioTasks.ToOptions(scenario), out var taskProblems);
            problems = [.. problems, .. taskProblems];
        }

        if (scenario is null || registry is null)
        {
            await error.WriteLineAsync($"sn19 simulate: {args.Scenario.Name} is not a valid scenario:");
            foreach (var p in problems)
            {
                await error.WriteLineAsync("  " + p);
            }

            return ExitCodes.UsageOrInput;
        }

        var clock = new SimulationClock(SimulationRunner.Epoch);
        if (args.DataDir is null)
        {
            return await RunWithAsync(args, scenario, registry, options, clock, new InMemoryContenders(options), output, error, ct);
        }

        Directory.CreateDirectory(args.DataDir.FullName);
        var persistenceOptions = new PersistenceOptions
        {
            Sqlite = new SqlitePersistenceOptions { Path = Path.Combine(args.DataDir.FullName, "journal.db") },
        };
        await SqlPersistenceHocon.EnsureSchemaAsync(persistenceOptions, ct);
        await using var akka = await NodeActorSystem.StartAsync("simulate", NodeConfig.Build(null, persistenceOptions), null, null, ct);
        var contenders = new ActorContenders(akka.System, options, persistenceOptions.SnapshotEvery);
        await SimulationCheckpoint.WriteAsync(error, "recovered", scenario, registry, contenders, ct);
        return await RunWithAsync(args, scenario, registry, options, clock, contenders, output, error, ct);
    }

    private static async Task<int> RunWithAsync(
        SimulateArguments args, Scenario scenario, TaskRegistry registry, MechanismOptions options, SimulationClock clock,
        IContenderGateway contenders, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var runner = new SimulationRunner(scenario, registry, options, args.Seed, contenders, clock)
        {
            BeforeEvent = args.HaltAt is { } halt
                ? async (period, index, token) =>
                {
                    if (period == halt.Period && index == halt.Event)
                    {
                        await SimulationCheckpoint.WriteAsync(error, "halted", scenario, registry, contenders, token);
                        await Task.Delay(Timeout.Infinite, token);
                    }
                }
                : null,
        };
        var renderer = args.Json ? null : new SimulationTables(output);
        var reports = await runner.RunAsync(args.Periods, renderer is null ? null : renderer.Period, ct);
        var final = await runner.WeightsAsync(args.Periods - 1, ct);
        if (renderer is not null)
        {
            renderer.Final(final);
        }
        else
        {
            await output.WriteLineAsync(SimulationJson.Render(args.Seed, args.Periods, reports, final));
        }

        return ExitCodes.Ok;
    }
}
