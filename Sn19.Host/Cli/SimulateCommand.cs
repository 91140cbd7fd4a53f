namespace Sn19.Host.Cli;

using System.CommandLine;

internal static class SimulateCommand
{
    public static Command Create() =>
        NotBuiltCommand.Create("simulate", "Run the incentive mechanism against scripted miners with a fake clock", "issue 7");
}
