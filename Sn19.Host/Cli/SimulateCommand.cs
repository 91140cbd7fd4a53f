namespace Sn19.Host.Cli;

using System.CommandLine;
using Sn19.Actors.Mechanism;
using Sn19.Host.Cli.Config;
using Sn19.Host.Cli.Simulate;

/// <summary>`sn19 simulate`: the incentive mechanism against scripted miners on a fake clock.</summary>
internal static class SimulateCommand
{
    public static Command Create()
    {
        var scenario = new Option<FileInfo>("--scenario")
        {
            Description = "Scenario file (JSON): tasks, organic load and scripted miners; see scenarios/README.md",
            Required = true,
        };
        var periods = new Option<int>("--periods")
        {
            Description = "Scoring periods to simulate (30 minutes each by default)",
            DefaultValueFactory = _ => 12,
        };
        var seed = new Option<long>("--seed")
        {
            Description = "Seed of every random draw; the same seed gives the same weights byte for byte",
            DefaultValueFactory = _ => 1,
        };
        var json = new Option<bool>("--json") { Description = "Print the whole run as JSON instead of tables" };
        var dataDir = new Option<DirectoryInfo?>("--data-dir")
        {
            Description = "Keep contenders in a SQLite journal here; a killed run restarted with the same arguments resumes",
        };

        var haltAt = new Option<string?>("--halt-at")
        {
            Description = "PERIOD:EVENT: stop there and wait to be killed (crash tests)",
            Hidden = true,
        };

        var command = new Command("simulate", "Run the incentive mechanism against scripted miners with a fake clock");
        command.Options.Add(scenario);
        command.Options.Add(periods);
        command.Options.Add(seed);
        command.Options.Add(json);
        command.Options.Add(dataDir);
        command.Options.Add(haltAt);
        var configuration = ConfigurationCliOptions.AddTo(command);
        command.SetAction((result, ct) => configuration.RunAsync(result, role: null, async (config, token) =>
        {
            var halt = result.GetValue(haltAt);
            if (halt is not null && HaltPoint.Parse(halt) is null)
            {
                await result.InvocationConfiguration.Error.WriteLineAsync("sn19 simulate: --halt-at takes PERIOD:EVENT");
                return ExitCodes.UsageOrInput;
            }

            var args = new SimulateArguments(
                result.GetValue(scenario)!, result.GetValue(periods), result.GetValue(seed), result.GetValue(json), result.GetValue(dataDir))
            {
                HaltAt = HaltPoint.Parse(halt),
            };
            return await SimulateRun.RunAsync(
                args, config.GetOptions<MechanismOptions>("mechanism"), result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, token);
        }, ct));
        return command;
    }
}
