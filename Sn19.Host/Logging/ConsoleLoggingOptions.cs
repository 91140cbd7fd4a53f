namespace Sn19.Host.Logging;

/// <summary>`logging.console`: human-readable lines on standard error.</summary>
public sealed class ConsoleLoggingOptions
{
    public bool Enabled { get; set; } = true;
}
