namespace Sn19.Host.Configuration;

using Microsoft.Extensions.Configuration;

/// <summary>
/// Environment variables `SN19__a__b=value` as key `a:b` (a double underscore nests). Keys are matched
/// case-insensitively; a segment written with '_' where the known key has '-' (`SN19__node__data_dir`)
/// maps to that key, because shells cannot export names containing '-'.
/// </summary>
internal sealed class EnvironmentOverridesSource : IConfigurationSource
{
    public const string DefaultPrefix = "SN19__";

    public required IReadOnlyDictionary<string, string> Environment { get; init; }

    public string Prefix { get; init; } = DefaultPrefix;

    /// <summary>Keys the lower layers define, read when loading; used for the '_' to '-' mapping.</summary>
    public Func<IEnumerable<string>>? KnownKeys { get; init; }

    public IConfigurationProvider Build(IConfigurationBuilder builder) => new EnvironmentOverridesProvider(this);
}
