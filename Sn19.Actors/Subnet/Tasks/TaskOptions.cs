namespace Sn19.Actors.Subnet.Tasks;

using Microsoft.Extensions.Configuration;

/// <summary>One task as written in hocon/defaults/tasks.conf (every field is documented there).</summary>
public sealed class TaskOptions
{
    /// <summary>chat, completion, text-to-image, image-to-image, avatar or embedding.</summary>
    [ConfigurationKeyName("kind")]
    public string Kind { get; set; } = "chat";

    [ConfigurationKeyName("model")]
    public string Model { get; set; } = "";

    [ConfigurationKeyName("endpoint")]
    public string Endpoint { get; set; } = "/chat/completions";

    [ConfigurationKeyName("max-capacity")]
    public double MaxCapacity { get; set; } = 60_000;

    [ConfigurationKeyName("weight")]
    public double Weight { get; set; }

    [ConfigurationKeyName("volume-per-request")]
    public double VolumePerRequest { get; set; } = 300;

    [ConfigurationKeyName("timeout")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(2);

    [ConfigurationKeyName("stream")]
    public bool Stream { get; set; } = true;

    [ConfigurationKeyName("enabled")]
    public bool Enabled { get; set; } = true;

    /// <summary>tolerant or exact: how closely a miner's log-probabilities must match the checker's (MECHANISM.md
    /// "Lower-precision substitutes").</summary>
    [ConfigurationKeyName("model-match")]
    public string ModelMatch { get; set; } = "tolerant";
}
