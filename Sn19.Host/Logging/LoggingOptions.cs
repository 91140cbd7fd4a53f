namespace Sn19.Host.Logging;

using Sn19.Host.Configuration;

/// <summary>The `logging` section (hocon/defaults/logging.conf). Defaults match that file.</summary>
public sealed class LoggingOptions : IValidatableOptions
{
    public const string Section = "logging";

    /// <summary>Minimum level for every category: verbose, debug, information, warning, error, fatal.</summary>
    public string Level { get; set; } = "information";

    /// <summary>Per-category minimum levels; the longest matching category prefix wins.</summary>
    public Dictionary<string, string> Overrides { get; set; } = new(StringComparer.Ordinal);

    public ConsoleLoggingOptions Console { get; set; } = new();

    public FileLoggingOptions File { get; set; } = new();

    public SeqLoggingOptions Seq { get; set; } = new();

    public void Validate(string section)
    {
        if (!LogLevels.TryParse(Level, out _))
        {
            throw Bad($"{section}.level", $"'{Level}' is not a level ({LogLevels.Accepted})");
        }

        foreach (var (category, level) in Overrides)
        {
            if (!LogLevels.TryParse(level, out _))
            {
                throw Bad(ConfigurationKeys.ToPath($"{section}:overrides:{category}"), $"'{level}' is not a level ({LogLevels.Accepted})");
            }
        }

        if (File.RetainedFiles < 1)
        {
            throw Bad($"{section}.file.retained-files", $"must be at least 1, not {File.RetainedFiles}");
        }

        // Below 1 KiB a file would roll on nearly every event.
        if (File.MaxSize < ByteSize.FromKibibytes(1))
        {
            throw Bad($"{section}.file.max-size", $"must be at least 1KiB, not {File.MaxSize}");
        }

        if (File.FlushInterval <= TimeSpan.Zero)
        {
            throw Bad($"{section}.file.flush-interval", $"must be positive, not {File.FlushInterval}");
        }

        if (Seq.Url.Length > 0 && !(Uri.TryCreate(Seq.Url, UriKind.Absolute, out var seq) && (seq.Scheme == Uri.UriSchemeHttp || seq.Scheme == Uri.UriSchemeHttps)))
        {
            throw Bad($"{section}.seq.url", $"'{Seq.Url}' is not an http(s) URL");
        }

        if (string.IsNullOrWhiteSpace(File.Directory))
        {
            throw Bad($"{section}.file.directory", "must not be empty");
        }
    }

    private static ConfigurationException Bad(string key, string detail) => new(detail, source: null, line: null, key);
}
