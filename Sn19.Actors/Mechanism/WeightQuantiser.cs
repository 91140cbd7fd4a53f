namespace Sn19.Actors.Mechanism;

/// <summary>Float weights → chain u16 weights (reference §7.6, fiber's quantisation).</summary>
internal static class WeightQuantiser
{
    /// <summary>
    /// Scales so the largest weight is 65535, rounds half to even, drops zeros, orders by uid.
    /// Empty when every weight is 0 (nothing to submit). Weights of the same uid are summed first.
    /// </summary>
    public static IReadOnlyList<UidWeight> Quantise(IEnumerable<KeyValuePair<ushort, double>> weights)
    {
        var summed = new SortedDictionary<ushort, double>();
        foreach (var (uid, w) in weights)
        {
            if (w > 0 && double.IsFinite(w))
            {
                summed[uid] = summed.GetValueOrDefault(uid) + w;
            }
        }

        if (summed.Count == 0)
        {
            return [];
        }

        var max = summed.Values.Max();
        var result = new List<UidWeight>(summed.Count);
        foreach (var (uid, w) in summed)
        {
            var scaled = Math.Round(w * ushort.MaxValue / max, MidpointRounding.ToEven);
            var value = (ushort)Math.Clamp(scaled, 0, ushort.MaxValue);
            if (value > 0)
            {
                result.Add(new UidWeight(uid, value));
            }
        }

        return result;
    }
}
