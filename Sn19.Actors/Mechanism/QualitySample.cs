namespace Sn19.Actors.Mechanism;

/// <summary>One checked result: quality q ∈ [0, 1], its work and response time, and when it was queried.</summary>
public readonly record struct QualitySample(double Quality, double Work, TimeSpan ResponseTime, DateTimeOffset At)
{
    /// <summary>Speed of this result, s = q × work / response time; null without a response time.</summary>
    public double? Speed => ResponseTime > TimeSpan.Zero ? Quality * Work / ResponseTime.TotalSeconds : null;
}
