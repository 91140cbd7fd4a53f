namespace Sn19.Actors.Mechanism;

/// <summary>Per-task normalisation with the non-linearity (reference §7 step 7).</summary>
internal static class TaskShares
{
    /// <summary>
    /// s = E / ΣE, then s' = s^k / Σ s^k. Writes zeros when ΣE = 0 (the task contributes nothing).
    /// Works on s, not E, so that E in the tens of thousands raised to k = 4 stays far from overflow.
    /// </summary>
    public static void Normalise(ReadOnlySpan<double> effectiveVolumes, Span<double> shares, double exponent)
    {
        var total = 0.0;
        foreach (var e in effectiveVolumes)
        {
            total += Math.Max(e, 0);
        }

        if (!(total > 0) || double.IsInfinity(total))
        {
            shares[..effectiveVolumes.Length].Clear();
            return;
        }

        var powered = 0.0;
        for (var i = 0; i < effectiveVolumes.Length; i++)
        {
            var linear = Math.Max(effectiveVolumes[i], 0) / total;
            shares[i] = Math.Pow(linear, exponent);
            powered += shares[i];
        }

        if (!(powered > 0))
        {
            // Every linear share underflowed to 0 after the power (e.g. 10⁻⁹⁰⁺ each): fall back to linear.
            for (var i = 0; i < effectiveVolumes.Length; i++)
            {
                shares[i] = Math.Max(effectiveVolumes[i], 0) / total;
            }

            return;
        }

        for (var i = 0; i < effectiveVolumes.Length; i++)
        {
            shares[i] /= powered;
        }
    }

    /// <summary>Linear shares E / ΣE (for display next to the non-linear ones).</summary>
    public static double Linear(double effectiveVolume, double total) => total > 0 ? Math.Max(effectiveVolume, 0) / total : 0;
}
