namespace Sn19.Host.Cli.Simulate;

using Sn19.Actors.Mechanism;
using Sn19.Actors.Subnet.Simulation;
using Sn19.Actors.Subnet.Synthetics;
using Sn19.Actors.Subnet.Tasks;
using Sn19.Host.Validator;

/// <summary>Loads the scenario, runs it through the validator on virtual time and renders it (tables or JSON).</summary>
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

        ScenarioModels? models = null;
        ScenarioEngineParts? engine = null;
        if (scenario.Engine is not null)
        {
            (models, engine) = ScenarioModels.TryCreate(scenario, registry, args.Seed, out var engineProblems);
            if (engine is null)
            {
                await error.WriteLineAsync($"sn19 simulate: {args.Scenario.Name} is not a valid scenario:");
                foreach (var p in engineProblems)
                {
                    await error.WriteLineAsync("  " + p);
                }

                return ExitCodes.UsageOrInput;
            }
        }

        using var owned = models;
        var renderer = args.Json ? null : new SimulationTables(output);
        var reports = await ScenarioSimulation.RunAsync(
            scenario, registry, options, args.Seed, args.Periods, ValidatorSettingsFactory.LoadCorpus(new SyntheticOptions()),
            engine, renderer is null ? null : renderer.Period, ct);
        if (renderer is not null)
        {
            renderer.Final(reports[^1]);
        }
        else
        {
            await output.WriteLineAsync(SimulationJson.Render(args.Seed, args.Periods, reports));
        }

        return ExitCodes.Ok;
    }
}
