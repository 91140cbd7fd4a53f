namespace Sn19.Host.Configuration;

using Microsoft.Extensions.Configuration;

/// <summary>Finds which layer of a configuration root sets a key, and where that layer got it.</summary>
internal static class ConfigurationSources
{
    /// <param name="configurationKey">Colon form (`logging:level`).</param>
    public static string? Find(IConfigurationRoot root, string configurationKey)
    {
        foreach (var provider in root.Providers.Reverse())
        {
            if (!provider.TryGet(configurationKey, out _))
            {
                continue;
            }

            return provider is ITracedConfigurationProvider traced && traced.TryGetSource(configurationKey, out var source)
                ? source
                : provider.ToString();
        }

        return null;
    }

    /// <summary>Colon form of a key given either way (`logging.level` or `logging:level`).</summary>
    public static string Normalize(string key) =>
        key.Contains(':', StringComparison.Ordinal) ? key : ConfigurationKeys.FromPath(key, "key");
}
