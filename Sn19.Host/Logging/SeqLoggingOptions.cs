namespace Sn19.Host.Logging;

using Microsoft.Extensions.Configuration;

/// <summary>`logging.seq`: structured events to a Seq server as well, when a URL is set.</summary>
public sealed class SeqLoggingOptions
{
    /// <summary>The Seq server, e.g. http://127.0.0.1:5341; empty sends nothing.</summary>
    [ConfigurationKeyName("url")]
    public string Url { get; set; } = string.Empty;

    /// <summary>The API key Seq gave this node; empty when the server takes events without one.</summary>
    [ConfigurationKeyName("api-key")]
    public string ApiKey { get; set; } = string.Empty;
}
