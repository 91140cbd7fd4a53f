namespace Sn19.Host.Configuration;

/// <summary>A configuration provider that knows where each of its values came from.</summary>
internal interface ITracedConfigurationProvider
{
    /// <summary>Where the value of <paramref name="key"/> (colon form) was set, e.g.
    /// `hocon/defaults/logging.conf:4`, `env SN19__logging__level` or `command line --set`.</summary>
    bool TryGetSource(string key, out string source);
}
