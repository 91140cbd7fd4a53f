namespace Sn19.Actors.History;

using System.Globalization;

/// <summary>
/// A latency histogram with fixed bounds (1 ms to 60 s, roughly 1-2-5 steps, and one bucket above), so histograms
/// from any node and any time add up bucket by bucket; a percentile is read by interpolating inside its bucket,
/// which is within a step of the truth (enough to tell 40 ms from 400 ms). Stored as the counts, comma-separated.
/// </summary>
public sealed class LatencyBuckets
{
    /// <summary>Upper bounds in milliseconds; the last bucket holds everything above the last bound.</summary>
    private static readonly double[] BoundsMs = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 30_000, 60_000];

    private readonly long[] _counts = new long[BoundsMs.Length + 1];

    public long Count { get; private set; }

    public void Add(TimeSpan latency)
    {
        var ms = Math.Max(0, latency.TotalMilliseconds);
        var index = Array.BinarySearch(BoundsMs, ms);
        _counts[index >= 0 ? index : ~index]++;
        Count++;
    }

    public void Merge(LatencyBuckets other)
    {
        ArgumentNullException.ThrowIfNull(other);
        for (var i = 0; i < _counts.Length; i++)
        {
            _counts[i] += other._counts[i];
        }

        Count += other.Count;
    }

    /// <summary>The latency below which <paramref name="quantile"/> of the samples fall; null when empty.</summary>
    public TimeSpan? Percentile(double quantile)
    {
        if (Count == 0)
        {
            return null;
        }

        var rank = Math.Clamp(quantile, 0, 1) * Count;
        long below = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            if (_counts[i] == 0 || below + _counts[i] < rank)
            {
                below += _counts[i];
                continue;
            }

            var low = i == 0 ? 0 : BoundsMs[i - 1];
            // Above the last bound there is no upper edge: report the bound itself rather than invent one.
            var high = i < BoundsMs.Length ? BoundsMs[i] : BoundsMs[^1];
            var within = (rank - below) / _counts[i];
            return TimeSpan.FromMilliseconds(low + ((high - low) * within));
        }

        return TimeSpan.FromMilliseconds(BoundsMs[^1]);
    }

    public string ToText() => string.Join(',', _counts.Select(c => c.ToString(CultureInfo.InvariantCulture)));

    /// <summary>Reads <see cref="ToText"/>; text of another shape (a bucket layout this version does not know) reads as empty.</summary>
    public static LatencyBuckets Parse(string? text)
    {
        var buckets = new LatencyBuckets();
        var parts = (text ?? "").Split(',');
        if (parts.Length != buckets._counts.Length)
        {
            return buckets;
        }

        for (var i = 0; i < parts.Length; i++)
        {
            if (long.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            {
                buckets._counts[i] = count;
                buckets.Count += count;
            }
        }

        return buckets;
    }
}
