namespace Sn19.Host.Miner;

using Microsoft.Extensions.Configuration;
using Sn19.Actors.Wire;
using Sn19.Host.Configuration;

/// <summary>A miner host (section <c>miner</c>, hocon/defaults/miner.conf).</summary>
internal sealed class MinerOptions : IValidatableOptions
{
    /// <summary>The miner's hotkey (SS58). Empty: read the public file of <see cref="WalletHotkey"/> in <see cref="Wallet"/>.</summary>
    [ConfigurationKeyName("hotkey")]
    public string Hotkey { get; set; } = "";

    /// <summary>The coldkey that owns the hotkey (SS58), for registration. Empty: the wallet's coldkeypub.txt.</summary>
    [ConfigurationKeyName("coldkey")]
    public string Coldkey { get; set; } = "";

    [ConfigurationKeyName("wallet")]
    public string Wallet { get; set; } = "default";

    [ConfigurationKeyName("wallet-hotkey")]
    public string WalletHotkey { get; set; } = "default";

    /// <summary>Where Kestrel listens, host:port; port 0 picks a free one.</summary>
    [ConfigurationKeyName("listen")]
    public string Listen { get; set; } = "127.0.0.1:8091";

    /// <summary>The address published on chain for validators to reach (the axon).</summary>
    [ConfigurationKeyName("axon-ip")]
    public string AxonIp { get; set; } = "127.0.0.1";

    /// <summary>Register the hotkey (if it is not) and publish the axon at start.</summary>
    [ConfigurationKeyName("register")]
    public bool Register { get; set; } = true;

    /// <summary>Length of the period each validator's share of capacity is counted over.</summary>
    [ConfigurationKeyName("period")]
    public TimeSpan Period { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How often the metagraph (validators' stake) is re-read from the chain.</summary>
    [ConfigurationKeyName("metagraph-refresh")]
    public TimeSpan MetagraphRefresh { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The tasks served, by task id (their kind comes from <c>tasks.&lt;id&gt;</c>).</summary>
    [ConfigurationKeyName("tasks")]
    public Dictionary<string, MinerTaskOptions> Tasks { get; set; } = new(StringComparer.Ordinal);

    /// <summary><see cref="Listen"/> parsed; set by <see cref="Validate"/>.</summary>
    public HostPort ListenAddress { get; private set; }

    public void Validate(string section)
    {
        if (!HostPort.TryParse(Listen, out var listen, out var listenProblem))
        {
            throw new ConfigurationException(listenProblem, null, null, $"{section}.listen");
        }

        ListenAddress = listen;
        if (Hotkey.Length > 0 && !WireAddress.IsValid(Hotkey))
        {
            throw new ConfigurationException($"'{Hotkey}' is not an SS58 address", null, null, $"{section}.hotkey");
        }

        if (Coldkey.Length > 0 && !WireAddress.IsValid(Coldkey))
        {
            throw new ConfigurationException($"'{Coldkey}' is not an SS58 address", null, null, $"{section}.coldkey");
        }

        if (Period <= TimeSpan.Zero || MetagraphRefresh <= TimeSpan.Zero)
        {
            throw new ConfigurationException($"{section}.period and {section}.metagraph-refresh must be positive.", null, null, $"{section}.period");
        }

        if (Tasks.Count == 0)
        {
            throw new ConfigurationException($"{section}.tasks is empty: a miner must serve at least one task.", null, null, $"{section}.tasks");
        }

        foreach (var (id, task) in Tasks)
        {
            try
            {
                task.Validate(id);
            }
            catch (InvalidOperationException error)
            {
                throw new ConfigurationException(error.Message, null, null, $"{section}.tasks.{id}");
            }
        }
    }
}
