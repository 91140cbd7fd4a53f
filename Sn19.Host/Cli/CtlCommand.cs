namespace Sn19.Host.Cli;

using System.CommandLine;

internal static class CtlCommand
{
    public static Command Create() =>
        NotBuiltCommand.Create("ctl", "Inspect a running node: actors and their state", "issue 3");
}
