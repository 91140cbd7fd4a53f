namespace Sn19.Host.Cli.Keys;

using System.CommandLine;
using Sn19.Actors.Crypto;
using Sn19.Actors.Crypto.Bip39;

/// <summary>`sn19 keys new-hotkey`: a fresh mnemonic → WALLET/hotkeys/HOTKEY (plain, as bittensor writes hotkeys).</summary>
internal static class NewHotkeyCommand
{
    public static Command Create()
    {
        var wallet = KeysCliOptions.Wallet(required: false);
        var hotkey = new Option<string>("--hotkey") { Description = "Hotkey name", DefaultValueFactory = _ => "default" };
        var words = KeysCliOptions.Words();
        var overwrite = KeysCliOptions.Overwrite();
        var root = KeysCliOptions.WalletsRoot();
        var command = new Command("new-hotkey", "Create a hotkey in a wallet from a new mnemonic");
        foreach (var option in new Option[] { wallet, hotkey, words, overwrite, root })
        {
            command.Options.Add(option);
        }

        command.SetAction(r => KeysCli.Run(r, () =>
        {
            var options = KeysSettings.Load(r.GetValue(root));
            var target = KeysSettings.Store(options).Open(r.GetValue(wallet)!);
            var phrase = Bip39Mnemonic.Generate(r.GetValue(words) ?? options.MnemonicWords);
            var code = WalletWriter.WriteHotkey(r, target, r.GetValue(hotkey)!, Sr25519Keypair.FromPhrase(phrase), phrase, r.GetValue(overwrite));
            if (code == ExitCodes.Ok)
            {
                WalletWriter.PrintMnemonic(r, phrase);
            }

            return code;
        }));
        return command;
    }
}
