namespace Sn19.Host.Configuration;

using Microsoft.Extensions.Configuration;

/// <summary>Base of the Sn19 providers: a flat key/value set with the source of every value.</summary>
internal abstract class TracedConfigurationProvider : ConfigurationProvider, ITracedConfigurationProvider
{
    private readonly Dictionary<string, string> _sources = new(StringComparer.OrdinalIgnoreCase);

    public IEnumerable<string> Keys => Data.Keys;

    public bool TryGetSource(string key, out string source) => _sources.TryGetValue(key, out source!);

    public override void Load()
    {
        Data.Clear();
        _sources.Clear();
        foreach (var (key, value, source) in ReadValues())
        {
            Data[key] = value;
            _sources[key] = source;
        }
    }

    /// <summary>Every value with its colon-form key and its source; later duplicates win.</summary>
    protected abstract IEnumerable<(string Key, string? Value, string Source)> ReadValues();
}
