namespace Sn19.Host.Logging;

using Microsoft.Extensions.Configuration;
using Sn19.Host.Configuration;

/// <summary>`logging.file`: a rolling JSON file, one event per line, under &lt;node.data-dir&gt;/&lt;directory&gt;.</summary>
public sealed class FileLoggingOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>Relative to node.data-dir (or absolute).</summary>
    public string Directory { get; set; } = "logs";

    /// <summary>Files kept after rolling (daily, or early at <see cref="MaxSize"/>).</summary>
    [ConfigurationKeyName("retained-files")]
    public int RetainedFiles { get; set; } = 7;

    [ConfigurationKeyName("max-size")]
    public ByteSize MaxSize { get; set; } = ByteSize.FromMebibytes(64);

    /// <summary>How often buffered events reach the disk.</summary>
    [ConfigurationKeyName("flush-interval")]
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(1);
}
