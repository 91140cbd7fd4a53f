namespace Sn19.Host.Admin;

using Microsoft.Extensions.Configuration;

/// <summary>The admin API, bound from the HOCON section <c>admin</c> (hocon/defaults/admin.conf).</summary>
internal sealed class AdminOptions
{
    public const int DefaultPort = 9619;

    /// <summary>admin.enabled</summary>
    [ConfigurationKeyName("enabled")]
    public bool Enabled { get; set; } = true;

    /// <summary>admin.host: listen address; loopback unless a TLS proxy sits in front.</summary>
    [ConfigurationKeyName("host")]
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>admin.port: 0 picks a free port (tests).</summary>
    [ConfigurationKeyName("port")]
    public int Port { get; set; } = DefaultPort;

    /// <summary>admin.token: the bearer token; empty refuses every request.</summary>
    [ConfigurationKeyName("token")]
    public string Token { get; set; } = string.Empty;

    /// <summary>admin.summary-timeout: how long one actor's state summary may take.</summary>
    [ConfigurationKeyName("summary-timeout")]
    public TimeSpan SummaryTimeout { get; set; } = TimeSpan.FromSeconds(5);

    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Host))
        {
            throw new ArgumentException("admin.host must not be empty.");
        }

        if (Port is < 0 or > 65535)
        {
            throw new ArgumentException($"admin.port must be 0..65535 (was {Port}).");
        }

        if (Enabled && string.IsNullOrWhiteSpace(Token))
        {
            throw new ArgumentException("admin.token must be set when admin.enabled is true (e.g. SN19__admin__token).");
        }
    }
}
