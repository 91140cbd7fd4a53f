namespace Sn19.Actors.Mechanism;

using Microsoft.Extensions.Configuration;

/// <summary>One tier of the share-to-test draw (reference §4.2): with <see cref="Probability"/> a contender
/// is tested on <see cref="Share"/> of its declared capacity this period.</summary>
public sealed class ShareToTestTier
{
    [ConfigurationKeyName("share")]
    public double Share { get; set; }

    [ConfigurationKeyName("probability")]
    public double Probability { get; set; }
}
