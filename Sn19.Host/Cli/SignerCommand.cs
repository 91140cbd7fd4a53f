namespace Sn19.Host.Cli;

using System.CommandLine;

internal static class SignerCommand
{
    public static Command Create() =>
        NotBuiltCommand.Create("signer", "Run the signer: the only process that reads secret keys", "issue 5");
}
