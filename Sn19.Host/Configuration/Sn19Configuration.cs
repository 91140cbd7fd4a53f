namespace Sn19.Host.Configuration;

using Microsoft.Extensions.Configuration;

/// <summary>
/// The loaded configuration: the <see cref="IConfigurationRoot"/> every component reads, plus where each
/// value came from. Made by <see cref="Sn19ConfigurationLoader.Load"/>.
/// </summary>
public sealed class Sn19Configuration
{
    internal Sn19Configuration(IConfigurationRoot root, string? role, IReadOnlyList<string> files)
    {
        Root = root;
        Role = role;
        Files = files;
    }

    public IConfigurationRoot Root { get; }

    public string? Role { get; }

    /// <summary>The HOCON files loaded, lowest layer first, as shown to the user.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>Where the effective value of a key was set: `hocon/defaults/logging.conf:4`,
    /// `env SN19__logging__level`, `command line`; null when no layer sets it. Accepts either spelling of
    /// the key (`logging.level` or `logging:level`).</summary>
    public string? SourceOf(string key) => ConfigurationSources.Find(Root, ConfigurationSources.Normalize(key));

    /// <summary>Every effective leaf value with its source, in key order (array elements numerically).</summary>
    public IReadOnlyList<ConfigurationEntry> Entries()
    {
        var entries = new List<ConfigurationEntry>();
        foreach (var (key, value) in Root.AsEnumerable())
        {
            if (SourceOf(key) is { } source)
            {
                entries.Add(new ConfigurationEntry(ConfigurationKeys.ToPath(key), key, value, source));
            }
        }

        entries.Sort((a, b) => ConfigurationKeyComparer.Instance.Compare(a.ConfigurationKey, b.ConfigurationKey));
        return entries;
    }

    /// <summary>
    /// Binds a section to <typeparamref name="T"/> (defaults come from the class for keys no layer sets) and
    /// validates it when it is <see cref="IValidatableOptions"/>. A value of the wrong type or a failed
    /// validation becomes a <see cref="ConfigurationException"/> naming the key and where it was set.
    /// </summary>
    public T GetOptions<T>(string section)
        where T : class, new() => OptionsBinder.Bind<T>(Root, section, SourceOf);
}
