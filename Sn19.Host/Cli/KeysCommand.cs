namespace Sn19.Host.Cli;

using System.CommandLine;

internal static class KeysCommand
{
    public static Command Create() =>
        NotBuiltCommand.Create("keys", "Create, list and inspect sr25519 wallets and keys; sign and verify", "issue 5");
}
