namespace Sn19.Host.Configuration;

using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

/// <summary>Binds and validates options, turning binder and validation failures into
/// <see cref="ConfigurationException"/>s that name the key and (when known) where it was set.</summary>
internal static partial class OptionsBinder
{
    /// <param name="section">Dotted (`logging`) or colon form.</param>
    /// <param name="sourceOf">Where a key was set, to point the user at the line to fix; may return null.</param>
    public static T Bind<T>(IConfiguration configuration, string section, Func<string, string?>? sourceOf = null)
        where T : class, new()
    {
        ConfigurationConverters.Register();
        if (sourceOf is null && configuration is IConfigurationRoot root)
        {
            sourceOf = key => ConfigurationSources.Find(root, ConfigurationSources.Normalize(key));
        }

        var sectionKey = ConfigurationSources.Normalize(section);
        var dotted = ConfigurationKeys.ToPath(sectionKey);
        T options;
        try
        {
            options = configuration.GetSection(sectionKey).Get<T>() ?? new T();
        }
        catch (InvalidOperationException e)
        {
            var key = BinderKey().Match(e.Message) is { Success: true } m ? m.Groups[1].Value : sectionKey;

            // The binder spells the path with property names ('logging:File:max-size'); show it as written.
            key = configuration.AsEnumerable().Select(kv => kv.Key).FirstOrDefault(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase)) ?? key;
            var detail = e.InnerException?.Message ?? e.Message;
            var source = sourceOf?.Invoke(key);
            throw new ConfigurationException(detail, source, line: null, ConfigurationKeys.ToPath(key), e);
        }

        if (options is IValidatableOptions validatable)
        {
            try
            {
                validatable.Validate(dotted);
            }
            catch (ConfigurationException e) when (e.File is null && e.Key is not null && sourceOf is not null)
            {
                throw e.WithSource(sourceOf(e.Key), line: null);
            }
        }

        return options;
    }

    // ConfigurationBinder: "Failed to convert configuration value at 'logging:file:max-size' to type ...".
    [GeneratedRegex("at '([^']*)'", RegexOptions.CultureInvariant)]
    private static partial Regex BinderKey();
}
