namespace Sn19.Host.Cli;

using System.CommandLine;
using Sn19.Host.Cli.Keys;

/// <summary>`sn19 keys`: sr25519 keys and bittensor-layout wallets.</summary>
internal static class KeysCommand
{
    public static Command Create()
    {
        var command = new Command("keys", "Create, list and inspect sr25519 wallets and keys; sign and verify");
        command.Subcommands.Add(NewColdkeyCommand.Create());
        command.Subcommands.Add(NewHotkeyCommand.Create());
        command.Subcommands.Add(RegenCommand.Create());
        command.Subcommands.Add(ListCommand.Create());
        command.Subcommands.Add(InspectCommand.Create());
        command.Subcommands.Add(SignCommand.Create());
        command.Subcommands.Add(VerifyCommand.Create());
        return command;
    }
}
