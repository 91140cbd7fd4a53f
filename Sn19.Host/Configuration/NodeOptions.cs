namespace Sn19.Host.Configuration;

using Microsoft.Extensions.Configuration;

/// <summary>The `node` section (hocon/defaults/node.conf): what every Sn19 process shares.</summary>
public sealed class NodeOptions : IValidatableOptions
{
    public const string Section = "node";

    /// <summary>Where state lives (journal, chain database, logs, models); relative to the current directory.</summary>
    [ConfigurationKeyName("data-dir")]
    public string DataDir { get; set; } = ".sn19";

    public void Validate(string section)
    {
        if (string.IsNullOrWhiteSpace(DataDir) || DataDir.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            throw new ConfigurationException($"'{DataDir}' is not a usable directory path", source: null, line: null, key: section + ".data-dir");
        }
    }

    /// <summary>The data directory as a full path.</summary>
    public string FullDataDir() => Path.GetFullPath(DataDir);
}
