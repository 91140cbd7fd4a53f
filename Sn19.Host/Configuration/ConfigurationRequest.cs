namespace Sn19.Host.Configuration;

/// <summary>What to load. Every property is optional; the defaults load hocon/sn19.conf with the
/// process environment.</summary>
public sealed record ConfigurationRequest
{
    /// <summary>`local`, `validator` or `miner` (any hocon/&lt;role&gt;.conf); none loads only sn19.conf.</summary>
    public string? Role { get; init; }

    /// <summary>A file given with `--config`, relative to the current directory.</summary>
    public string? ConfigFile { get; init; }

    /// <summary>Command-line overrides, keyed by HOCON path (`logging.level`).</summary>
    public IReadOnlyDictionary<string, string?>? CommandLine { get; init; }

    /// <summary>The environment for `SN19__a__b` overrides and `${?X}` fallbacks; the process environment when null.</summary>
    public IReadOnlyDictionary<string, string>? Environment { get; init; }

    /// <summary>The folder holding sn19.conf; found next to the binary (or in the repository) when null.</summary>
    public string? HoconDirectory { get; init; }
}
