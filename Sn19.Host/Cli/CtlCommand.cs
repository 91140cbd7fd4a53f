namespace Sn19.Host.Cli;

using System.CommandLine;
using Sn19.Host.Cli.Ctl;

/// <summary>`sn19 ctl`: inspect a running node through its admin API.</summary>
internal static class CtlCommand
{
    public static Command Create()
    {
        var command = new Command("ctl", "Inspect and operate a running node: actors, cluster membership, shards, contenders, weights, API keys, CSV exports");
        command.Subcommands.Add(CtlActorsCommand.Create());
        command.Subcommands.Add(CtlActorCommand.Create());
        command.Subcommands.Add(CtlClusterCommand.Create());
        command.Subcommands.Add(CtlShardsCommand.Create());
        command.Subcommands.Add(CtlContendersCommand.Create());
        command.Subcommands.Add(CtlWeightsCommand.Create());
        command.Subcommands.Add(CtlKeysCommand.Create());
        command.Subcommands.Add(CtlExportCommand.Create());
        return command;
    }
}
