namespace Sn19.Actors.Mechanism;

using Microsoft.Extensions.Configuration;

/// <summary>What the weight setter submits and keeps (the <c>mechanism.weights</c> section); it runs a round
/// after every period.</summary>
public sealed class WeightsOptions
{
    /// <summary>Sent with every weights extrinsic; the chain rejects keys below its minimum.</summary>
    [ConfigurationKeyName("version-key")]
    public long VersionKey { get; set; } = 63_100;

    /// <summary>How many past weight rounds (with their per-contender breakdown) are kept for `sn19 ctl`.</summary>
    [ConfigurationKeyName("history")]
    public int History { get; set; } = 48;

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (VersionKey is < 0 or > uint.MaxValue)
        {
            errors.Add("mechanism.weights.version-key must be in [0, 4294967295]");
        }

        if (History < 1)
        {
            errors.Add("mechanism.weights.history must be at least 1");
        }

        return errors;
    }
}
