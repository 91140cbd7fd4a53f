namespace Sn19.Host.Cli.Config;

using System.CommandLine;

/// <summary>`sn19 config show [--role R] [--config FILE] [--set K=V]... [--json]`: the effective configuration
/// and where each value came from.</summary>
internal static class ConfigShowCommand
{
    public static Command Create()
    {
        var command = new Command("show", "Print the effective configuration and the source (file:line, env, command line) of every value");
        var role = new Option<string?>("--role") { Description = "Layer hocon/<role>.conf: local, validator or miner", HelpName = "ROLE" };
        var json = new Option<bool>("--json") { Description = "Print JSON: { \"values\": { key: { \"value\", \"source\" } } }" };
        command.Options.Add(role);
        command.Options.Add(json);
        var configuration = ConfigurationCliOptions.AddTo(command);
        command.SetAction(result => configuration.Run(result, result.GetValue(role), loaded =>
        {
            var output = result.InvocationConfiguration.Output;
            if (result.GetValue(json))
            {
                ConfigShowJson.Write(loaded, output);
            }
            else
            {
                ConfigShowTable.Write(loaded, output);
            }

            return ExitCodes.Ok;
        }));
        return command;
    }
}
