namespace Sn19.Host.Cli.Keys;

using System.CommandLine;
using Sn19.Actors.Crypto;

/// <summary>`sn19 keys sign`: an sr25519 signature (0x-hex, 64 bytes) by a wallet key or a secret URI.</summary>
internal static class SignCommand
{
    public static Command Create()
    {
        var uri = new Option<string?>("--uri") { Description = "Sign with this secret URI instead of a wallet key" };
        var wallet = new Option<string?>("--wallet") { Description = "Wallet whose coldkey (or --hotkey) signs" };
        var hotkey = KeysCliOptions.Hotkey("Sign with this hotkey of the wallet instead of the coldkey");
        var password = KeysCliOptions.Password();
        var root = KeysCliOptions.WalletsRoot();
        var message = new MessageInput();
        var command = new Command("sign", "Sign a message with a wallet key or secret URI (sr25519, context \"substrate\")");
        foreach (var option in new Option[] { uri, wallet, hotkey, password, root })
        {
            command.Options.Add(option);
        }

        message.AddTo(command);
        command.SetAction(r => KeysCli.Run(r, () =>
        {
            var bytes = message.Read(r);
            Sr25519Keypair? pair;
            if (r.GetValue(uri) is { } secretUri)
            {
                pair = Sr25519Keypair.FromSecretUri(secretUri, r.GetValue(password));
            }
            else if (r.GetValue(wallet) is { } walletName)
            {
                pair = KeySource.FromWallet(r, root, walletName, r.GetValue(hotkey), r.GetValue(password), out var code);
                if (pair is null)
                {
                    return code;
                }
            }
            else
            {
                return KeysCli.Fail(r, "give --uri or --wallet");
            }

            KeysCli.Out(r).WriteLine("0x" + Convert.ToHexStringLower(pair.Sign(bytes)));
            return ExitCodes.Ok;
        }));
        return command;
    }
}
