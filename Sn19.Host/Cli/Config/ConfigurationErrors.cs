namespace Sn19.Host.Cli.Config;

using Sn19.Host.Configuration;

/// <summary>How every command reports a bad configuration: one line naming file, line and key, exit code 2.</summary>
internal static class ConfigurationErrors
{
    public static int Report(ConfigurationException exception, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(error);
        error.WriteLine($"sn19: configuration error: {exception.Message}");
        return ExitCodes.UsageOrInput;
    }
}
