namespace Sn19.Host.Cli;

using System.CommandLine;
using Sn19.Host.Cli.Config;

internal static class ConfigCommand
{
    public static Command Create()
    {
        var command = new Command("config", "Show the effective configuration and where each value came from");
        command.Subcommands.Add(ConfigShowCommand.Create());
        return command;
    }
}
