namespace Sn19.Host.Validator;

using Microsoft.Extensions.Configuration;
using Sn19.Host.Configuration;

/// <summary>A validator node (section <c>validator</c>, hocon/defaults/validator.conf).</summary>
internal sealed class ValidatorOptions : IValidatableOptions
{
    /// <summary>The validator's hotkey (SS58). Empty: the public file of <see cref="WalletHotkey"/> in <see cref="Wallet"/>.</summary>
    [ConfigurationKeyName("hotkey")]
    public string Hotkey { get; set; } = "";

    [ConfigurationKeyName("wallet")]
    public string Wallet { get; set; } = "default";

    [ConfigurationKeyName("wallet-hotkey")]
    public string WalletHotkey { get; set; } = "default";

    /// <summary>Seeds every draw of the mechanism and the synthetic prompts; fixed, a period replays exactly.</summary>
    [ConfigurationKeyName("seed")]
    public long Seed { get; set; } = 19;

    [ConfigurationKeyName("max-concurrent-queries")]
    public int MaxConcurrentQueries { get; set; } = 8;

    [ConfigurationKeyName("capacity-timeout")]
    public TimeSpan CapacityTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often each node reads the metagraph from the chain.</summary>
    [ConfigurationKeyName("metagraph-refresh")]
    public TimeSpan MetagraphRefresh { get; set; } = TimeSpan.FromSeconds(12);

    /// <summary>GGUF model file per task model the checker scores with, e.g. models { "sn19-test-15m" = "models/task.gguf" }.</summary>
    [ConfigurationKeyName("models")]
    public Dictionary<string, string> Models { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Names shown for miners in the period tables, by hotkey (a label only; scoring never reads it).</summary>
    [ConfigurationKeyName("miner-names")]
    public Dictionary<string, string> MinerNames { get; set; } = new(StringComparer.Ordinal);

    public void Validate(string section)
    {
        if (MaxConcurrentQueries < 1 || CapacityTimeout <= TimeSpan.Zero)
        {
            throw new ConfigurationException(
                $"{section}.max-concurrent-queries must be >= 1 and {section}.capacity-timeout positive.", null, null, $"{section}.max-concurrent-queries");
        }

        if (MetagraphRefresh < TimeSpan.FromSeconds(1))
        {
            throw new ConfigurationException($"{section}.metagraph-refresh must be at least 1s (was {MetagraphRefresh}).", null, null, $"{section}.metagraph-refresh");
        }
    }
}
