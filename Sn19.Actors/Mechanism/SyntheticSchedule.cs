namespace Sn19.Actors.Mechanism;

/// <summary>Number and spacing of a task's synthetic queries in one period (reference §4.3).</summary>
internal static class SyntheticSchedule
{
    /// <summary>requests = floor(Σ capacity-to-score / volume-per-request).</summary>
    public static int RequestCount(double totalCapacityToScore, double volumePerRequest)
    {
        if (volumePerRequest <= 0 || double.IsNaN(totalCapacityToScore) || totalCapacityToScore <= 0)
        {
            return 0;
        }

        var requests = Math.Floor(totalCapacityToScore / volumePerRequest);
        return requests >= int.MaxValue ? int.MaxValue : (int)requests;
    }

    /// <summary>interval = period / (requests + 1), so the last query lands before the period ends.</summary>
    public static TimeSpan Interval(TimeSpan period, int requests) => period / (requests + 1);

    /// <summary>The first query fires at U(0, 1) × interval after the period start.</summary>
    public static TimeSpan FirstOffset(TimeSpan interval, double uniform) => interval * Math.Clamp(uniform, 0, 1);
}
