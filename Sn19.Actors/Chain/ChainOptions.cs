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

    /// <summary>Base URL of a chain server for clients and the `sn19 chain` commands.</summary>
    public string Url { get; set; } = "http://127.0.0.1:19944";

    public ushort Netuid { get; set; } = 1;

    public SubnetHyperparameters Subnet { get; set; } = new();

    public string DatabasePath => Path.Combine(DataDir, "chain.db");

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

        if (Uri.TryCreate(Url, UriKind.Absolute, out var subtensor) && (subtensor.Scheme == "ws" || subtensor.Scheme == "wss"))
        {
            // Reading a Subtensor node is built (`sn19 chain metagraph --url`); validating and mining on one is not yet,
            // and a user must hear that rather than an odd connection error.
            return $"chain.url '{Url}' is a Subtensor (Bittensor) node: validators and miners do not run on one yet "
                + "(`sn19 chain metagraph --url` reads one); use the local chain's http(s) URL";
        }

        if (!Uri.TryCreate(Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            return $"chain.url '{Url}' is not an http(s) URL";
        }

        if (Netuid == 0)
        {
            return "chain.netuid must not be 0 (the root network)";
        }

        return Subnet.Validate() is { } problem ? $"chain.subnet: {problem}" : null;
    }
}
