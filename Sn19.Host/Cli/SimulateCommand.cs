namespace Sn19.Host.Cli;

using System.CommandLine;
using Sn19.Actors.Mechanism;
using Sn19.Host.Cli.Config;
using Sn19.Host.Cli.Simulate;

/// <summary>`sn19 simulate`: the validator's own pipeline against a scenario's scripted miners and users, on virtual time.</summary>
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
        var command = new Command("simulate", "Run the validator against scripted miners and users on virtual time");
        command.Options.Add(scenario);
        command.Options.Add(periods);
        command.Options.Add(seed);
        command.Options.Add(json);
        var configuration = ConfigurationCliOptions.AddTo(command);
        command.SetAction((result, ct) => configuration.RunAsync(result, role: null, async (config, token) =>
        {
            var args = new SimulateArguments(result.GetValue(scenario)!, result.GetValue(periods), result.GetValue(seed), result.GetValue(json));
            return await SimulateRun.RunAsync(
                args, config.GetOptions<MechanismOptions>("mechanism"), result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, token);
        }, ct));
        return command;
    }
}
