namespace Sn19.Actors.Subnet.LlmChecks;

/// <summary>
/// The outcome of checking one response: a quality in [0, 1], why it failed outright if it did, and the
/// figures behind it (so a miner can be told why).
/// </summary>
public sealed record LlmCheckResult(double Quality, string? FailReason, double? MeanDistance, int BadRanks, int DistanceChecks)
{
    public static LlmCheckResult Fail(string reason, int badRanks = 0) => new(0, reason, null, badRanks, 0);
}
