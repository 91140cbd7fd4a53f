namespace Sn19.Host.Configuration;

internal sealed class EnvironmentOverridesProvider(EnvironmentOverridesSource source) : TracedConfigurationProvider
{
    protected override IEnumerable<(string Key, string? Value, string Source)> ReadValues()
    {
        var known = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var key in source.KnownKeys?.Invoke() ?? [])
        {
            known.TryAdd(key.Replace('-', '_'), key);
        }

        foreach (var (name, value) in source.Environment.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            if (!name.StartsWith(source.Prefix, StringComparison.OrdinalIgnoreCase) || name.Length == source.Prefix.Length)
            {
                continue;
            }

            var key = name[source.Prefix.Length..].Replace("__", ":", StringComparison.Ordinal);
            if (known.TryGetValue(key.Replace('-', '_'), out var knownKey))
            {
                key = knownKey;
            }

            yield return (key, value, $"env {name}");
        }
    }

    public override string ToString() => $"environment {source.Prefix}*";
}
