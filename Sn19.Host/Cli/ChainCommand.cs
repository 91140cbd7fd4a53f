namespace Sn19.Host.Cli;

using System.CommandLine;

internal static class ChainCommand
{
    public static Command Create() =>
        NotBuiltCommand.Create("chain", "Serve and use the local chain: register, stake, metagraph, weights, Yuma", "issue 6");
}
