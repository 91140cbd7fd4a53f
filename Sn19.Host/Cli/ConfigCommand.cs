namespace Sn19.Host.Cli;

using System.CommandLine;

internal static class ConfigCommand
{
    public static Command Create() =>
        NotBuiltCommand.Create("config", "Show the effective configuration and where each value came from", "issue 2");
}
