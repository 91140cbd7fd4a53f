namespace Sn19.Host.Local;

using Microsoft.Extensions.Configuration;

/// <summary>One miner of the local subnet (an element of <c>local.miners</c>).</summary>
internal sealed class LocalMinerOptions
{
    /// <summary>What the table calls it: honest-1, impostor, over-declarer.</summary>
    [ConfigurationKeyName("name")]
    public string Name { get; set; } = "";

    /// <summary>The hotkey's secret URI (development keys such as //Bob).</summary>
    [ConfigurationKeyName("uri")]
    public string Uri { get; set; } = "";

    /// <summary>task: the task's model; other: a different model with the same vocabulary (an impostor).</summary>
    [ConfigurationKeyName("model")]
    public string Model { get; set; } = "task";

    /// <summary>Tokens per period the miner really serves, per task.</summary>
    [ConfigurationKeyName("capacity")]
    public double Capacity { get; set; } = 2400;

    /// <summary>Tokens per period it claims; 0 = capacity. Far above capacity = an over-declarer.</summary>
    [ConfigurationKeyName("advertised-capacity")]
    public double AdvertisedCapacity { get; set; }
}
