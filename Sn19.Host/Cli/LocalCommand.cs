namespace Sn19.Host.Cli;

using System.CommandLine;

internal static class LocalCommand
{
    public static Command Create() =>
        NotBuiltCommand.Create("local", "Run a whole subnet on this machine: local chain, signer, validator and miners", "issue 8");
}
