namespace Sn19.Host.Cli;

using System.CommandLine;
using Sn19.Host.Cli.Chain;

/// <summary>`sn19 chain`: serve the local chain, act on it, read it, and run Yuma on a file.</summary>
internal static class ChainCommand
{
    public static Command Create()
    {
        var command = new Command("chain", "Serve and use the local chain: register, stake, metagraph, weights, Yuma");
        command.Subcommands.Add(ChainServeCommand.Create());
        command.Subcommands.Add(ChainRegisterCommand.Create());
        command.Subcommands.Add(ChainStakeCommand.Create());
        command.Subcommands.Add(ChainServeAxonCommand.Create());
        command.Subcommands.Add(ChainMetagraphCommand.Create());
        command.Subcommands.Add(ChainWeightsCommand.Create());
        command.Subcommands.Add(ChainEpochsCommand.Create());
        command.Subcommands.Add(ChainYumaCommand.Create());
        return command;
    }
}
