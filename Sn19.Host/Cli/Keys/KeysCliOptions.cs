namespace Sn19.Host.Cli.Keys;

using System.CommandLine;

/// <summary>Option factories shared by the `sn19 keys` sub-commands (each command gets its own instances).</summary>
internal static class KeysCliOptions
{
    public static Option<string?> WalletsRoot() => new("--wallets-root")
    {
        Description = "Wallets directory (default: keys.wallets-root, ~/.bittensor/wallets)",
    };

    public static Option<string> Wallet(bool required) => new("--wallet")
    {
        Description = "Wallet name (a directory under the wallets root)",
        Required = required,
        DefaultValueFactory = _ => "default",
    };

    public static Option<string?> Hotkey(string description) => new("--hotkey") { Description = description };

    public static Option<string?> Password() => new("--password")
    {
        Description = "Coldkey password (else the keys.password-env variable, else a prompt on a terminal)",
    };

    public static Option<bool> NoPassword() => new("--no-password")
    {
        Description = "Write the coldkey unencrypted (not recommended; bittensor's --no_password)",
    };

    public static Option<bool> Overwrite() => new("--overwrite") { Description = "Replace an existing key file" };

    public static Option<int?> Words() => new("--words")
    {
        Description = "Words in the new mnemonic: 12, 15, 18, 21 or 24 (default: keys.mnemonic-words)",
    };
}
