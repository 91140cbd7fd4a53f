namespace Sn19.Host.Cli.Keys;

using System.CommandLine;
using Sn19.Actors.Crypto;
using Sn19.Actors.Crypto.Bip39;

/// <summary>`sn19 keys new-coldkey`: a fresh mnemonic → WALLET/coldkey (encrypted) and coldkeypub.txt.</summary>
internal static class NewColdkeyCommand
{
    public static Command Create()
    {
        var wallet = KeysCliOptions.Wallet(required: false);
        var words = KeysCliOptions.Words();
        var password = KeysCliOptions.Password();
        var noPassword = KeysCliOptions.NoPassword();
        var overwrite = KeysCliOptions.Overwrite();
        var root = KeysCliOptions.WalletsRoot();
        var command = new Command("new-coldkey", "Create a wallet's coldkey from a new mnemonic, encrypted with a password");
        foreach (var option in new Option[] { wallet, words, password, noPassword, overwrite, root })
        {
            command.Options.Add(option);
        }

        command.SetAction(r => KeysCli.Run(r, () =>
        {
            var options = KeysSettings.Load(r.GetValue(root));
            var target = KeysSettings.Store(options).Open(r.GetValue(wallet)!);
            var phrase = Bip39Mnemonic.Generate(r.GetValue(words) ?? options.MnemonicWords);
            var code = WalletWriter.WriteColdkey(
                r, options, target, Sr25519Keypair.FromPhrase(phrase), phrase,
                r.GetValue(password), r.GetValue(noPassword), r.GetValue(overwrite));
            if (code == ExitCodes.Ok)
            {
                WalletWriter.PrintMnemonic(r, phrase);
            }

            return code;
        }));
        return command;
    }
}
