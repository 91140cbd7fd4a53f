namespace Sn19.Host.Cli.Keys;

using System.CommandLine;
using Sn19.Actors.Crypto;

/// <summary>
/// `sn19 keys inspect URI`: the key a secret URI (or an SS58 address) stands for, printed like
/// Substrate's `subkey inspect`; with --wallet instead of a URI, the wallet's coldkey or --hotkey.
/// </summary>
internal static class InspectCommand
{
    public static Command Create()
    {
        var uri = new Argument<string?>("uri")
        {
            Description = "Secret URI (PHRASE//hard/soft///password, 0xSEED//..., //Alice) or an SS58 address",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var wallet = new Option<string?>("--wallet") { Description = "Inspect this wallet's coldkey instead of a URI" };
        var hotkey = KeysCliOptions.Hotkey("With --wallet: inspect this hotkey instead of the coldkey");
        var password = KeysCliOptions.Password();
        var root = KeysCliOptions.WalletsRoot();
        var command = new Command("inspect", "Show the public key and SS58 address of a secret URI, address or wallet key");
        command.Arguments.Add(uri);
        command.Options.Add(wallet);
        command.Options.Add(hotkey);
        command.Options.Add(password);
        command.Options.Add(root);
        command.SetAction(r => KeysCli.Run(r, () =>
        {
            var text = r.GetValue(uri);
            var walletName = r.GetValue(wallet);
            if (walletName is not null)
            {
                var pair = KeySource.FromWallet(r, root, walletName, r.GetValue(hotkey), r.GetValue(password), out var code);
                if (pair is null)
                {
                    return code;
                }

                Print(r, $"Wallet key `{walletName}/{r.GetValue(hotkey) ?? "coldkey"}` is account:", pair);
                return ExitCodes.Ok;
            }

            if (string.IsNullOrWhiteSpace(text))
            {
                return KeysCli.Fail(r, "give a secret URI, an SS58 address, or --wallet NAME");
            }

            if (Ss58.TryDecode(text, out var publicKey, out var prefix))
            {
                PrintPublic(r, text, publicKey, prefix);
                return ExitCodes.Ok;
            }

            Print(r, $"Secret Key URI `{text}` is account:", Sr25519Keypair.FromSecretUri(text, r.GetValue(password)));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static void Print(ParseResult r, string heading, Sr25519Keypair pair)
    {
        var output = KeysCli.Out(r);
        var publicHex = "0x" + Convert.ToHexStringLower(pair.PublicKey);
        output.WriteLine(heading);
        output.WriteLine("  Network ID:        substrate");
        output.WriteLine($"  Secret seed:       {(pair.HasMiniSecret ? "0x" + Convert.ToHexStringLower(pair.MiniSecret) : "n/a (soft-derived key)")}");
        output.WriteLine($"  Public key (hex):  {publicHex}");
        output.WriteLine($"  Account ID:        {publicHex}");
        output.WriteLine($"  Public key (SS58): {pair.Ss58Address}");
        output.WriteLine($"  SS58 Address:      {pair.Ss58Address}");
    }

    private static void PrintPublic(ParseResult r, string address, byte[] publicKey, ushort prefix)
    {
        var output = KeysCli.Out(r);
        var publicHex = "0x" + Convert.ToHexStringLower(publicKey);
        output.WriteLine($"Public Key URI `{address}` is account:");
        output.WriteLine($"  Network ID/Version: {prefix}");
        output.WriteLine($"  Public key (hex):   {publicHex}");
        output.WriteLine($"  Account ID:         {publicHex}");
        output.WriteLine($"  Public key (SS58):  {Ss58.Encode(publicKey, prefix)}");
        output.WriteLine($"  SS58 Address:       {Ss58.Encode(publicKey, prefix)}");
    }
}
