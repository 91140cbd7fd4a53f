namespace Sn19.Host.Cli.Keys;

using Microsoft.Extensions.Configuration;
using Sn19.Actors.Crypto.Wallets;

/// <summary>
/// Binds <see cref="KeysOptions"/> from the section <c>keys</c> of the configuration (environment variables
/// SN19__keys__walletsRoot etc.) and applies a --wallets-root given on the command line.
/// </summary>
internal static class KeysSettings
{
    public static KeysOptions Load(string? walletsRootOverride)
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables("SN19__").Build();
        var options = configuration.GetSection("keys").Get<KeysOptions>() ?? new KeysOptions();
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
