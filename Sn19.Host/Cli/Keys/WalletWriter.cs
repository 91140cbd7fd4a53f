namespace Sn19.Host.Cli.Keys;

using System.CommandLine;
using Sn19.Actors.Crypto;
using Sn19.Actors.Crypto.Wallets;

/// <summary>Writes a coldkey or hotkey into a wallet and reports it (shared by new-* and regen).</summary>
internal static class WalletWriter
{
    public static int WriteColdkey(
        ParseResult r, KeysOptions options, Wallet wallet, Sr25519Keypair pair, string? phrase,
        string? passwordOption, bool noPassword, bool overwrite)
    {
        if (wallet.Coldkey.Exists && !overwrite)
        {
            return KeysCli.Fail(r, KeysCli.Describe(KeyfileError.AlreadyExists, wallet.Coldkey.Path));
        }

        string? password = null;
        if (!noPassword)
        {
            password = PasswordSource.Resolve(passwordOption, options.PasswordEnvironmentVariable, "Coldkey password: ", confirm: true);
            if (string.IsNullOrEmpty(password))
            {
                return KeysCli.Fail(
                    r, $"a coldkey password is needed: give --password, set {options.PasswordEnvironmentVariable}, run on a terminal, or pass --no-password");
            }
        }

        var error = wallet.CreateColdkey(pair, phrase, password, overwrite);
        if (error != KeyfileError.None)
        {
            return KeysCli.Fail(r, KeysCli.Describe(error, wallet.Coldkey.Path));
        }

        var output = KeysCli.Out(r);
        output.WriteLine($"Coldkey written to {wallet.Coldkey.Path} ({(password is null ? "NOT encrypted" : "encrypted")})");
        output.WriteLine($"  SS58 Address:      {pair.Ss58Address}");
        return ExitCodes.Ok;
    }

    public static int WriteHotkey(
        ParseResult r, Wallet wallet, string hotkey, Sr25519Keypair pair, string? phrase, bool overwrite)
    {
        if (!Wallet.IsValidName(hotkey))
        {
            return KeysCli.Fail(r, $"'{hotkey}' is not a usable hotkey name (letters, digits, '-', '_', '.')");
        }

        var error = wallet.CreateHotkey(hotkey, pair, phrase, password: null, overwrite);
        if (error != KeyfileError.None)
        {
            return KeysCli.Fail(r, KeysCli.Describe(error, wallet.Hotkey(hotkey).Path));
        }

        var output = KeysCli.Out(r);
        output.WriteLine($"Hotkey written to {wallet.Hotkey(hotkey).Path}");
        output.WriteLine($"  SS58 Address:      {pair.Ss58Address}");
        return ExitCodes.Ok;
    }

    public static void PrintMnemonic(ParseResult r, string phrase)
    {
        var output = KeysCli.Out(r);
        output.WriteLine("Your mnemonic (write it down and keep it offline; anyone with it controls the key):");
        output.WriteLine($"  {phrase}");
    }
}
