namespace Sn19.Host.Cli.Keys;

using System.CommandLine;
using Sn19.Actors.Crypto;
using Sn19.Actors.Crypto.Bip39;

/// <summary>
/// `sn19 keys regen --mnemonic "…"`: rebuilds a wallet's coldkey (or, with --hotkey, a hotkey) from its
/// mnemonic or 0x seed, as bittensor's regen_coldkey / regen_hotkey do.
/// </summary>
internal static class RegenCommand
{
    public static Command Create()
    {
        var wallet = KeysCliOptions.Wallet(required: false);
        var hotkey = KeysCliOptions.Hotkey("Regenerate this hotkey instead of the coldkey");
        var mnemonic = new Option<string?>("--mnemonic") { Description = "The BIP-0039 phrase (12 to 24 words)" };
        var seed = new Option<string?>("--seed") { Description = "Or the 32-byte mini secret as 0x-hex" };
        var password = KeysCliOptions.Password();
        var noPassword = KeysCliOptions.NoPassword();
        var overwrite = KeysCliOptions.Overwrite();
        var root = KeysCliOptions.WalletsRoot();
        var command = new Command("regen", "Regenerate a coldkey or hotkey from its mnemonic (or seed)");
        foreach (var option in new Option[] { wallet, hotkey, mnemonic, seed, password, noPassword, overwrite, root })
        {
            command.Options.Add(option);
        }

        command.SetAction(r => KeysCli.Run(r, () =>
        {
            var phrase = r.GetValue(mnemonic);
            var seedHex = r.GetValue(seed);
            if ((phrase is null) == (seedHex is null))
            {
                return KeysCli.Fail(r, "give exactly one of --mnemonic or --seed");
            }

            if (phrase is not null && !Bip39Mnemonic.TryToEntropy(phrase, out _, out var why))
            {
                return KeysCli.Fail(r, $"invalid mnemonic: {why}");
            }

            var pair = phrase is not null
                ? Sr25519Keypair.FromPhrase(phrase)
                : Sr25519Keypair.FromSecretUri(seedHex!.StartsWith("0x", StringComparison.Ordinal) ? seedHex : "0x" + seedHex);
            var options = KeysSettings.Load(r.GetValue(root));
            var target = KeysSettings.Store(options).Open(r.GetValue(wallet)!);
            var hotkeyName = r.GetValue(hotkey);
            return hotkeyName is null
                ? WalletWriter.WriteColdkey(r, options, target, pair, phrase, r.GetValue(password), r.GetValue(noPassword), r.GetValue(overwrite))
                : WalletWriter.WriteHotkey(r, target, hotkeyName, pair, phrase, r.GetValue(overwrite));
        }));
        return command;
    }
}
