namespace Sn19.Host.Cli.Keys;

using System.CommandLine;
using Sn19.Actors.Crypto;

/// <summary>Finds the key pair a command acts with: a wallet's coldkey or hotkey, or a secret URI.</summary>
internal static class KeySource
{
    public static Sr25519Keypair? FromWallet(
        ParseResult r, Option<string?> rootOption, string walletName, string? hotkey, string? password, out int exitCode)
    {
        var options = KeysSettings.Load(r.GetValue(rootOption));
        var wallet = KeysSettings.Store(options).Open(walletName);
        var keyfile = hotkey is null ? wallet.Coldkey : wallet.Hotkey(hotkey);
        if (!keyfile.Exists)
        {
            exitCode = KeysCli.Fail(r, $"no key file at {keyfile.Path}");
            return null;
        }

        if (keyfile.IsEncrypted)
        {
            password = PasswordSource.Resolve(password, options.PasswordEnvironmentVariable, "Password: ", confirm: false);
            if (password is null)
            {
                exitCode = KeysCli.Fail(
                    r, $"{keyfile.Path} is encrypted: give --password or set {options.PasswordEnvironmentVariable}");
                return null;
            }
        }

        var result = KeysCli.Load(r, keyfile, password, out exitCode);
        if (result is null)
        {
            return null;
        }

        if (result.Keypair is null)
        {
            exitCode = KeysCli.Fail(r, $"{keyfile.Path} holds no secret key");
            return null;
        }

        return result.Keypair;
    }
}
