namespace Sn19.Host.Cli;

using System.CommandLine;

internal static class MinerCommand
{
    public static Command Create() =>
        NotBuiltCommand.Create("miner", "Run a miner host that serves models to validators", "issue 8");
}
