namespace Sn19.Host.Dashboard;

using Microsoft.Extensions.Configuration;
using Sn19.Host.Configuration;

/// <summary>The dashboard and /metrics (section <c>dashboard</c>, hocon/defaults/dashboard.conf).</summary>
internal sealed class DashboardOptions : IValidatableOptions
{
    public const int DefaultPort = 9630;

    [ConfigurationKeyName("enabled")]
    public bool Enabled { get; set; } = true;

    [ConfigurationKeyName("host")]
    public string Host { get; set; } = "127.0.0.1";

    [ConfigurationKeyName("port")]
    public int Port { get; set; } = DefaultPort;

    /// <summary>Asked for off loopback; empty = the admin token.</summary>
    [ConfigurationKeyName("token")]
    public string Token { get; set; } = string.Empty;

    [ConfigurationKeyName("refresh")]
    public TimeSpan Refresh { get; set; } = TimeSpan.FromSeconds(10);

    [ConfigurationKeyName("history")]
    public TimeSpan History { get; set; } = TimeSpan.FromDays(30);

    [ConfigurationKeyName("organic-window")]
    public TimeSpan OrganicWindow { get; set; } = TimeSpan.FromHours(24);

    [ConfigurationKeyName("usage-flush")]
    public TimeSpan UsageFlush { get; set; } = TimeSpan.FromSeconds(5);

    public void Validate(string section)
    {
        var problem = this switch
        {
            { Port: < 0 or > 65535 } => ("port", $"must be 0..65535 (was {Port})"),
            _ when string.IsNullOrWhiteSpace(Host) => ("host", "must not be empty"),
            _ when Refresh < TimeSpan.FromSeconds(1) => ("refresh", $"must be at least 1s (was {Refresh})"),
            _ when History < TimeSpan.FromHours(1) => ("history", $"must be at least 1 hour (was {History})"),
            _ when OrganicWindow < TimeSpan.FromMinutes(1) => ("organic-window", $"must be at least 1 minute (was {OrganicWindow})"),
            _ when UsageFlush < TimeSpan.FromMilliseconds(100) || UsageFlush > TimeSpan.FromMinutes(5) =>
                ("usage-flush", $"must be between 100ms and 5 minutes (was {UsageFlush})"),
            _ => default((string, string)?),
        };
        if (problem is var (key, message))
        {
            throw new ConfigurationException($"{section}.{key} {message}", null, null, $"{section}.{key}");
        }
    }
}
