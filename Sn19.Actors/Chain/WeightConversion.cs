namespace Sn19.Actors.Chain;

/// <summary>
/// Float scores → the u16 weights a validator submits, as the bittensor SDK does
/// (<c>convert_weights_and_uids_for_emit</c>): divide by the largest, multiply by 65535, round half to even, and
/// drop the zeros. The chain then max-upscales again (<see cref="WeightUpscale"/>), so both roundings happen.
/// </summary>
public static class WeightConversion
{
    /// <summary>The uids and u16 values to submit; empty when every score is 0.</summary>
    /// <exception cref="ArgumentException">negative or non-finite scores, or lengths that differ (caller bugs).</exception>
    public static (ushort[] Uids, ushort[] Values) FromScores(IReadOnlyList<ushort> uids, IReadOnlyList<double> scores)
    {
        ArgumentNullException.ThrowIfNull(uids);
        ArgumentNullException.ThrowIfNull(scores);
        if (uids.Count != scores.Count)
        {
            throw new ArgumentException($"{uids.Count} uids but {scores.Count} scores", nameof(scores));
        }

        double max = 0;
        foreach (var s in scores)
        {
            if (!double.IsFinite(s) || s < 0)
            {
                throw new ArgumentException($"score {s} is negative or not finite", nameof(scores));
            }

            max = Math.Max(max, s);
        }

        if (max == 0)
        {
            return ([], []);
        }

        var outUids = new List<ushort>(uids.Count);
        var outValues = new List<ushort>(uids.Count);
        for (var i = 0; i < scores.Count; i++)
        {
            var value = (ushort)Math.Round(scores[i] / max * ushort.MaxValue, MidpointRounding.ToEven);
            if (value != 0)
            {
                outUids.Add(uids[i]);
                outValues.Add(value);
            }
        }

        return ([.. outUids], [.. outValues]);
    }
}
