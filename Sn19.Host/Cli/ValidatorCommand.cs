namespace Sn19.Host.Cli;

using System.CommandLine;

internal static class ValidatorCommand
{
    public static Command Create() =>
        NotBuiltCommand.Create("validator", "Run a validator node that measures miners and sets weights", "issue 8");
}
