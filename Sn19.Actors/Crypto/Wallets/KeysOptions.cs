namespace Sn19.Actors.Crypto.Wallets;

using Microsoft.Extensions.Configuration;

/// <summary>Options for keys and wallets (HOCON section <c>keys</c>, defaults in hocon/defaults/keys.conf).</summary>
public sealed class KeysOptions
{
    /// <summary>Where wallets live, bittensor's layout: ROOT/NAME/coldkey, coldkeypub.txt, hotkeys/HOTKEY. "~" = home.</summary>
    [ConfigurationKeyName("wallets-root")]
    public string WalletsRoot { get; set; } = "~/.bittensor/wallets";

    /// <summary>SS58 address prefix; 42 is the generic Substrate format Bittensor uses.</summary>
    [ConfigurationKeyName("ss58-prefix")]
    public int Ss58Prefix { get; set; } = Ss58.DefaultPrefix;

    /// <summary>Environment variable a coldkey password is read from when --password is not given.</summary>
    [ConfigurationKeyName("password-env")]
    public string PasswordEnvironmentVariable { get; set; } = "SN19_COLDKEY_PASSWORD";

    /// <summary>Words in a newly generated mnemonic (12, 15, 18, 21 or 24).</summary>
    [ConfigurationKeyName("mnemonic-words")]
    public int MnemonicWords { get; set; } = 12;

    /// <summary>The wallets root with "~" expanded to the user's home directory.</summary>
    public string ResolvedWalletsRoot()
    {
        if (WalletsRoot == "~" || WalletsRoot.StartsWith("~/", StringComparison.Ordinal))
        {
            var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            return Path.GetFullPath(Path.Combine(home, WalletsRoot.Length > 2 ? WalletsRoot[2..] : string.Empty));
        }

        return Path.GetFullPath(WalletsRoot);
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming the bad key.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(WalletsRoot))
        {
            throw new ArgumentException("keys.wallets-root must name a directory");
        }

        if (Ss58Prefix is < 0 or > 16383)
        {
            throw new ArgumentException($"keys.ss58-prefix must be 0..16383, not {Ss58Prefix}");
        }

        if (string.IsNullOrWhiteSpace(PasswordEnvironmentVariable))
        {
            throw new ArgumentException("keys.password-env must name an environment variable");
        }

        if (!Bip39.Bip39Mnemonic.AllowedWordCounts.Contains(MnemonicWords))
        {
            throw new ArgumentException($"keys.mnemonic-words must be 12, 15, 18, 21 or 24, not {MnemonicWords}");
        }
    }
}
