namespace Sn19.Actors.Mechanism;

/// <summary>Quality of a miner on a task (MECHANISM.md "Quality and speed"; reference §7 step 2).</summary>
internal static class QualityAggregate
{
    /// <summary>
    /// Q = mean(q^exponent); Q ← Q² when Q ≤ threshold, except for tasks exempt from squaring (avatar).
    /// Null when there is no sample.
    /// </summary>
    public static double? Compute(ReadOnlySpan<double> qualities, bool squareExempt, double exponent, double squareThreshold)
    {
        if (qualities.IsEmpty)
        {
            return null;
        }

        var sum = 0.0;
        foreach (var q in qualities)
        {
            sum += Math.Pow(Math.Clamp(q, 0, 1), exponent);
        }

        var mean = sum / qualities.Length;
        return !squareExempt && mean <= squareThreshold ? mean * mean : mean;
    }
}
