namespace Sn19.Host.Cli.Keys;

using System.CommandLine;
using Spectre.Console;
using Sn19.Actors.Crypto.Wallets;

/// <summary>`sn19 keys list`: every wallet under the root with its coldkey and hotkey addresses (public files only).</summary>
internal static class ListCommand
{
    public static Command Create()
    {
        var root = KeysCliOptions.WalletsRoot();
        var command = new Command("list", "List wallets, their coldkey and hotkey SS58 addresses");
        command.Options.Add(root);
        command.SetAction(r => KeysCli.Run(r, () =>
        {
            var store = KeysSettings.Store(KeysSettings.Load(r.GetValue(root)));
            var wallets = store.List();
            var output = KeysCli.Out(r);
            if (wallets.Count == 0)
            {
                output.WriteLine($"No wallets under {store.Root}");
                return ExitCodes.Ok;
            }

            var table = new Table().AddColumns("Wallet", "Coldkey (SS58)", "Hotkey", "Hotkey (SS58)");
            foreach (var wallet in wallets)
            {
                var coldkey = Address(wallet.ColdkeyPub);
                var hotkeys = wallet.HotkeyNames();
                if (hotkeys.Count == 0)
                {
                    table.AddRow(Markup.Escape(wallet.Name), coldkey, "-", "-");
                }

                foreach (var hotkey in hotkeys)
                {
                    var pub = wallet.HotkeyPub(hotkey);
                    var address = pub.Exists ? Address(pub) : Address(wallet.Hotkey(hotkey));
                    table.AddRow(Markup.Escape(wallet.Name), coldkey, Markup.Escape(hotkey), address);
                    coldkey = string.Empty;
                }
            }

            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });

            // SS58 addresses are 48 characters; never wrap them, whatever the terminal (or pipe) width.
            console.Profile.Width = Math.Max(console.Profile.Width, 140);
            console.Write(table);
            return ExitCodes.Ok;
        }));
        return command;
    }

    // Public data only: an encrypted file is shown as such, never decrypted here.
    private static string Address(Keyfile keyfile)
    {
        if (!keyfile.Exists)
        {
            return "(none)";
        }

        if (keyfile.IsEncrypted)
        {
            return "(encrypted)";
        }

        var result = keyfile.Read(password: null);
        return result.Data?.Ss58Address ?? "(unreadable)";
    }
}
