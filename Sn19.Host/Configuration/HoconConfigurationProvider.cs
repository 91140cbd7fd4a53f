namespace Sn19.Host.Configuration;

using Sn19.Host.Configuration.Hocon;

/// <summary>Loads a <see cref="HoconConfigurationSource"/>; throws <see cref="HoconException"/> naming file,
/// line and key when a file is malformed or a substitution cannot be resolved.</summary>
internal sealed class HoconConfigurationProvider(HoconConfigurationSource source) : TracedConfigurationProvider
{
    protected override IEnumerable<(string Key, string? Value, string Source)> ReadValues()
    {
        var document = new HoconDocument(source.DisplayName);
        foreach (var file in source.Files)
        {
            document.AddFile(file);
        }

        var root = document.Resolve(source.Environment);
        return HoconFlattener.Flatten(root).Select(e => (e.Key, e.Value, e.Origin.ToString()));
    }

    public override string ToString() => $"HOCON {string.Join(", ", source.Files.Select(source.DisplayName ?? (f => f)))}";
}
