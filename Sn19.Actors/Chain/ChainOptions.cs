namespace Sn19.Actors.Chain;

using Microsoft.Extensions.Configuration;

/// <summary>
/// The <c>chain</c> configuration section (hocon/defaults/chain.conf): where the local chain keeps its state,
/// how fast it makes blocks, where `sn19 chain serve` listens and where clients find it, and the subnet.
/// </summary>
public sealed class ChainOptions
{
    public const string Section = "chain";

    /// <summary>Folder of the local chain's SQLite file (chain.db).</summary>
    [ConfigurationKeyName("data-dir")]
    public string DataDir { get; set; } = ".sn19/chain";

    /// <summary>Time between blocks of the local chain (subtensor: 12 s).</summary>
    [ConfigurationKeyName("block-time")]
    public TimeSpan BlockTime { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>host:port `sn19 chain serve` binds; loopback by default because callers are trusted.</summary>
    public string Listen { get; set; } = "127.0.0.1:19944";

    /// <summary>Where clients and the `sn19 chain` commands find the chain: the local chain server's http(s) URL, or a Subtensor
    /// (Bittensor) node's ws(s) URL (finney: wss://entrypoint-finney.opentensor.ai:443).</summary>
    public string Url { get; set; } = "http://127.0.0.1:19944";

    public ushort Netuid { get; set; } = 1;

    public SubnetHyperparameters Subnet { get; set; } = new();

    public string DatabasePath => Path.Combine(DataDir, "chain.db");

    /// <summary>Whether the URL names a Subtensor node (ws or wss) rather than the local chain's server.</summary>
    public static bool IsSubtensorUrl(string? url) => Uri.TryCreate(url, UriKind.Absolute, out var parsed) && parsed.Scheme is "ws" or "wss";

    /// <summary>Names the first bad key, or null.</summary>
    public string? Validate()
    {
        if (string.IsNullOrWhiteSpace(DataDir))
        {
            return "chain.data-dir must not be empty";
        }

        if (BlockTime <= TimeSpan.Zero)
        {
            return "chain.block-time must be positive";
        }

        if (!Wire.HostPort.TryParse(Listen, out _, out var listenProblem))
        {
            return $"chain.listen: {listenProblem}";
        }

        if (!IsSubtensorUrl(Url) && (!Uri.TryCreate(Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)))
        {
            return $"chain.url '{Url}' is neither the local chain's http(s) URL nor a Subtensor node's ws(s) URL";
        }

        if (Netuid == 0)
        {
            return "chain.netuid must not be 0 (the root network)";
        }

        return Subnet.Validate() is { } problem ? $"chain.subnet: {problem}" : null;
    }
}
