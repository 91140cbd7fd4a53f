namespace Sn19.Host.Cli.Keys;

using Sn19.Actors.Crypto.Wallets;
using Sn19.Host.Configuration;

/// <summary>
/// Binds <see cref="KeysOptions"/> from the section <c>keys</c> of the layered configuration
/// (hocon/defaults/keys.conf, environment SN19__keys__…) and applies a --wallets-root given on the command line.
/// </summary>
internal static class KeysSettings
{
    public static KeysOptions Load(string? walletsRootOverride)
    {
        var options = Sn19ConfigurationLoader.Load(new ConfigurationRequest()).GetOptions<KeysOptions>("keys");
        if (!string.IsNullOrWhiteSpace(walletsRootOverride))
        {
            options.WalletsRoot = walletsRootOverride;
        }

        options.Validate();
        return options;
    }

    public static WalletStore Store(KeysOptions options) =>
        new(options.ResolvedWalletsRoot(), KeyfileCipher.Bittensor, (ushort)options.Ss58Prefix);
}
