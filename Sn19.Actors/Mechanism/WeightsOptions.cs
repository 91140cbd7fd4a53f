namespace Sn19.Actors.Mechanism;

using Microsoft.Extensions.Configuration;

/// <summary>How and when the weight setter submits (the <c>mechanism.weights</c> section).</summary>
public sealed class WeightsOptions
{
    /// <summary>How often the weight setter wakes up to compute and try to submit.</summary>
    [ConfigurationKeyName("interval")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Sent with every weights extrinsic; the chain rejects keys below its minimum.</summary>
    [ConfigurationKeyName("version-key")]
    public long VersionKey { get; set; } = 63_100;

    /// <summary>How many past weight rounds (with their per-contender breakdown) are kept for `sn19 ctl`.</summary>
    [ConfigurationKeyName("history")]
    public int History { get; set; } = 48;

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Interval <= TimeSpan.Zero)
        {
            errors.Add("mechanism.weights.interval must be positive");
        }

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
