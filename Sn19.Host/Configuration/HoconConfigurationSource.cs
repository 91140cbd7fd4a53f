namespace Sn19.Host.Configuration;

using Microsoft.Extensions.Configuration;

/// <summary>
/// HOCON files as one Microsoft.Extensions.Configuration source: the files are applied in order into one
/// document (later files override and merge into earlier ones), resolved together, and flattened to keys
/// `a:b:0`. Each key remembers the file and line of its value.
/// </summary>
internal sealed class HoconConfigurationSource : IConfigurationSource
{
    public required IReadOnlyList<string> Files { get; init; }

    /// <summary>For `${?X}` fallbacks; the process environment when null.</summary>
    public IReadOnlyDictionary<string, string>? Environment { get; init; }

    /// <summary>How a full path is shown in provenance and errors; the full path when null.</summary>
    public Func<string, string>? DisplayName { get; init; }

    /// <summary>The provider made by the last <see cref="Build"/>, so a later layer can see its keys.</summary>
    public HoconConfigurationProvider? Provider { get; private set; }

    public IConfigurationProvider Build(IConfigurationBuilder builder)
    {
        Provider = new HoconConfigurationProvider(this);
        return Provider;
    }
}
