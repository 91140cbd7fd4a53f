namespace Sn19.Host.Configuration;

using Sn19.Host.Configuration.Hocon;

/// <summary>Converts between the two spellings of a key: HOCON paths (`logging.overrides."Microsoft.AspNetCore"`,
/// shown to users) and Microsoft.Extensions.Configuration keys (`logging:overrides:Microsoft.AspNetCore`).</summary>
internal static class ConfigurationKeys
{
    /// <summary>A HOCON path as a configuration key; throws <see cref="ConfigurationException"/> naming
    /// <paramref name="source"/> when the path is malformed.</summary>
    public static string FromPath(string path, string source)
    {
        try
        {
            return HoconPath.Parse(path, source).ToConfigurationKey();
        }
        catch (HoconException e)
        {
            throw new ConfigurationException($"'{path}' is not a valid key: {e.Detail}", source, line: null, key: path);
        }
    }

    /// <summary>A configuration key as a HOCON path, quoting segments that need it.</summary>
    public static string ToPath(string configurationKey) => HoconPath.Render(configurationKey.Split(':'));
}
