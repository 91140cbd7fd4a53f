namespace Sn19.Host.Logging;

using Serilog.Events;

/// <summary>Level names accepted in `logging.level` and `logging.overrides`: Serilog's names plus the
/// Microsoft.Extensions.Logging ones operators also type (trace, critical) and the short forms.</summary>
internal static class LogLevels
{
    public const string Accepted = "verbose, debug, information, warning, error, fatal";

    public static bool TryParse(string? text, out LogEventLevel level)
    {
        LogEventLevel? parsed = text?.Trim().ToLowerInvariant() switch
        {
            "verbose" or "trace" => LogEventLevel.Verbose,
            "debug" => LogEventLevel.Debug,
            "information" or "info" => LogEventLevel.Information,
            "warning" or "warn" => LogEventLevel.Warning,
            "error" => LogEventLevel.Error,
            "fatal" or "critical" => LogEventLevel.Fatal,
            _ => null,
        };
        level = parsed ?? LogEventLevel.Information;
        return parsed is not null;
    }
}
