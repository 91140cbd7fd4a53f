namespace Sn19.Actors.Subnet.LlmChecks;

using Microsoft.Extensions.Configuration;

/// <summary>Constants of the LLM check (reference checking-and-fiber.md §A.1), from <c>validator.checks.llm</c>.</summary>
public sealed class LlmCheckOptions
{
    /// <summary>A response token ranked below this (1-based) counts as a bad rank.</summary>
    [ConfigurationKeyName("plausible-rank")]
    public int PlausibleRank { get; set; } = 10;

    /// <summary>More bad ranks than this fail the check.</summary>
    [ConfigurationKeyName("tolerated-bad-ranks")]
    public int ToleratedBadRanks { get; set; } = 3;

    /// <summary>The check fails where end-of-sequence was more than this many times likelier than the token produced.</summary>
    [ConfigurationKeyName("eos-likelihood-ratio")]
    public double EosLikelihoodRatio { get; set; } = 100;

    /// <summary>Positions compared in probability: first, last, the bad ranks, then random others.</summary>
    [ConfigurationKeyName("distance-checks")]
    public int DistanceChecks { get; set; } = 5;

    /// <summary>Miners sample with top-k 5, so their log-probabilities are renormalised over 5 tokens.</summary>
    [ConfigurationKeyName("distance-top-k")]
    public int DistanceTopK { get; set; } = 5;

    /// <summary>Mean distance at or below which quality is 1.</summary>
    [ConfigurationKeyName("perfect-distance")]
    public double PerfectDistance { get; set; } = 0.125;

    /// <summary>Quality falls linearly to 0.5 at this distance and is 0 beyond it.</summary>
    [ConfigurationKeyName("zero-distance")]
    public double ZeroDistance { get; set; } = 0.25;

    /// <summary>Perfect distance of a task whose model must be matched exactly (<c>model-match = exact</c>).</summary>
    [ConfigurationKeyName("exact-perfect-distance")]
    public double ExactPerfectDistance { get; set; } = 0.02;

    /// <summary>Zero distance of a task whose model must be matched exactly.</summary>
    [ConfigurationKeyName("exact-zero-distance")]
    public double ExactZeroDistance { get; set; } = 0.05;

    /// <summary>These options with the exact-match distances in place of the tolerant ones.</summary>
    public LlmCheckOptions ForExactMatch()
    {
        var exact = (LlmCheckOptions)MemberwiseClone();
        exact.PerfectDistance = ExactPerfectDistance;
        exact.ZeroDistance = ExactZeroDistance;
        return exact;
    }

    public void Validate()
    {
        if (PlausibleRank < DistanceTopK || DistanceTopK < 1)
        {
            throw new InvalidOperationException("validator.checks.llm: need 1 <= distance-top-k <= plausible-rank.");
        }

        if (ToleratedBadRanks < 0 || DistanceChecks < 1 || EosLikelihoodRatio <= 1)
        {
            throw new InvalidOperationException(
                "validator.checks.llm: tolerated-bad-ranks >= 0, distance-checks >= 1 and eos-likelihood-ratio > 1 are required.");
        }

        if (!(PerfectDistance > 0 && ZeroDistance > PerfectDistance))
        {
            throw new InvalidOperationException("validator.checks.llm: need 0 < perfect-distance < zero-distance.");
        }

        if (!(ExactPerfectDistance > 0 && ExactZeroDistance > ExactPerfectDistance))
        {
            throw new InvalidOperationException("validator.checks.llm: need 0 < exact-perfect-distance < exact-zero-distance.");
        }
    }
}
