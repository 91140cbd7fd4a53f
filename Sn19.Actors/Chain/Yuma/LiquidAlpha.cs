namespace Sn19.Actors.Chain.Yuma;

/// <summary>
/// Yuma3 bonds with liquid alpha (<c>mat_ema_alpha_sparse</c> and <c>alpha_sigmoid</c>): each bond moves toward
/// its clipped weight with its own α in [α_low, α_high], faster when the weight is far from consensus.
/// The sigmoid is evaluated in double and rounded to I32F32; the chain uses substrate-fixed's fixed-point
/// <c>exp</c>, so results can differ in the last bits. Liquid alpha is off by default.
/// </summary>
internal static class LiquidAlpha
{
    public static SparseEntry[][] Ema(
        SparseEntry[][] weights, SparseEntry[][] bonds, ReadOnlySpan<long> consensus, YumaParameters p, int columns)
    {
        var low = Fixed.FromU16Proportion(p.AlphaLow);
        var high = Fixed.FromU16Proportion(p.AlphaHigh);
        var slope = p.AlphaSigmoidSteepness / 100.0;
        var result = new SparseEntry[weights.Length][];
        var old = new long[columns];
        for (var i = 0; i < weights.Length; i++)
        {
            Array.Clear(old);
            foreach (var e in bonds[i])
            {
                old[e.Col] = e.Value;
            }

            // Sparse quirk kept on purpose: only columns present in the weights row are emitted, so a bond to a
            // miner the validator stopped weighting is dropped instead of decaying.
            var row = new List<SparseEntry>(weights[i].Length);
            foreach (var e in weights[i])
            {
                var w = e.Value;
                var b = old[e.Col];
                var diff = w >= b ? Math.Clamp(w - consensus[e.Col], 0, Fixed.One) : Math.Clamp(b - w, 0, Fixed.One);
                var x = Math.Clamp(-slope * (Fixed.ToDouble(diff) - 0.5), -20.0, 20.0);
                var sigma = Fixed.FromDouble(1.0 / (1.0 + Math.Exp(x)));
                var alpha = Math.Clamp(low + Fixed.Mul(sigma, high - low), low, high);
                var value = Fixed.Mul(Fixed.One - alpha, b) + Math.Max(0, Fixed.Mul(alpha, w));
                value = Math.Min(Fixed.One, value);
                if (value > 0)
                {
                    row.Add(new SparseEntry(e.Col, value));
                }
            }

            result[i] = [.. row];
        }

        return result;
    }
}
