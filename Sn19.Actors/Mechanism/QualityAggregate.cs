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
            var c = Math.Clamp(q, 0, 1);

            // The default exponent 1.5: q·√q agrees with Math.Pow to an ulp at a fraction of the cost.
            sum += exponent == 1.5 ? c * Math.Sqrt(c) : Math.Pow(c, exponent);
        }

        var mean = sum / qualities.Length;
        return !squareExempt && mean <= squareThreshold ? mean * mean : mean;
    }
}
