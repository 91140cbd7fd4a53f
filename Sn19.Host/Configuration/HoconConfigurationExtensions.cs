namespace Sn19.Host.Configuration;

using Microsoft.Extensions.Configuration;

public static class HoconConfigurationExtensions
{
    /// <summary>Adds HOCON files as one layer (applied in order, resolved together). For the full Sn19
    /// layering use <see cref="Sn19ConfigurationLoader.Load"/> instead.</summary>
    public static IConfigurationBuilder AddHoconFiles(this IConfigurationBuilder builder, params string[] files)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(new HoconConfigurationSource { Files = files });
    }
}
