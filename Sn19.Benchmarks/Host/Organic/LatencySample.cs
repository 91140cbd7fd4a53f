namespace Sn19.Benchmarks.Host.Organic;

/// <summary>Latencies of one load run, each measured from the moment its request was due (open loop: a slow answer
/// does not delay the next request, so queueing shows in the figures), and the runs that failed.</summary>
internal sealed record LatencySample(string Path, int Rate, IReadOnlyList<double> Milliseconds, int Failures, IReadOnlyDictionary<string, int> FailureKinds)
{
    public double Percentile(double p)
    {
        if (Milliseconds.Count == 0)
        {
            return double.NaN;
        }

        var sorted = Milliseconds.Order().ToArray();
        var rank = Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1);
        return sorted[rank];
    }
}
