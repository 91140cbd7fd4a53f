namespace Sn19.Actors.Subnet.Tasks;

using Sn19.Actors.Mechanism;
using Sn19.Actors.Subnet.Contenders;

/// <summary>
/// The synthetic schedule of one task in one period (reference §4.3, quirk 3 fixed):
///   1. requests = floor(Σ capacity-to-score / volume-per-request), interval = period / (requests + 1),
///      first fire at a seeded U(0, 1) × interval;
///   2. each organic request cancels one pending synthetic (the next due one is skipped);
///   3. a due synthetic goes to the contender furthest below its own capacity-to-score (deficit first),
///      among those with capacity left; ties by hotkey.
/// The schedule's evolution depends only on time and organic counts, never on which contender got a
/// query, so it can be rebuilt after a restart by replaying those.
/// </summary>
internal sealed class TaskSchedule
{
    private TaskSchedule(string taskId, DateTimeOffset start, DateTimeOffset end, int requests, TimeSpan interval, DateTimeOffset first)
    {
        TaskId = taskId;
        Start = start;
        End = end;
        Requests = requests;
        Interval = interval;
        NextDue = first;
        Remaining = requests;
    }

    public string TaskId { get; }

    public DateTimeOffset Start { get; }

    public DateTimeOffset End { get; }

    /// <summary>Synthetic queries planned at period start.</summary>
    public int Requests { get; }

    public TimeSpan Interval { get; }

    /// <summary>When the next synthetic fires (meaningless once <see cref="Remaining"/> is 0).</summary>
    public DateTimeOffset NextDue { get; private set; }

    /// <summary>Synthetics still to send or skip.</summary>
    public int Remaining { get; private set; }

    /// <summary>Organic requests not yet matched against a pending synthetic.</summary>
    public int Cancellations { get; private set; }

    public int Sent { get; private set; }

    public int Cancelled { get; private set; }

    /// <summary>Slots passed over because the period was taken over after they fell due (<see cref="SkipBefore"/>).</summary>
    public int Skipped { get; private set; }

    public int Organic { get; private set; }

    public static TaskSchedule Build(
        string taskId, DateTimeOffset start, TimeSpan period, double totalCapacityToScore, double volumePerRequest, double uniform)
    {
        var requests = SyntheticSchedule.RequestCount(totalCapacityToScore, volumePerRequest);
        var interval = SyntheticSchedule.Interval(period, requests);
        return new TaskSchedule(taskId, start, start + period, requests, interval,
            start + SyntheticSchedule.FirstOffset(interval, uniform));
    }

    /// <summary>True when a synthetic is due at <paramref name="now"/> within the period.</summary>
    public bool IsDue(DateTimeOffset now) => Remaining > 0 && NextDue <= now && NextDue < End;

    /// <summary>An organic request used the task: one pending synthetic will be skipped.</summary>
    public void OnOrganic()
    {
        Organic++;
        if (Remaining - Cancellations > 0)
        {
            Cancellations++;
        }
    }

    /// <summary>
    /// Consumes the due slot: returns true when a synthetic must be sent now, false when an organic
    /// request cancelled it. Either way the next slot is one interval later.
    /// </summary>
    public bool TakeDue()
    {
        Remaining--;
        NextDue += Interval;
        if (Cancellations > 0)
        {
            Cancellations--;
            Cancelled++;
            return false;
        }

        Sent++;
        return true;
    }

    /// <summary>
    /// Passes the slots that fell due before <paramref name="at"/> without sending them: a coordinator that took a
    /// period over part-way (its node died) goes on from now, and the contenders' journaled counts already hold
    /// what the slots before sent. They count as skipped, not sent.
    /// </summary>
    public void SkipBefore(DateTimeOffset at)
    {
        while (Remaining > 0 && NextDue < at)
        {
            Remaining--;
            NextDue += Interval;
            Skipped++;
        }
    }

    /// <summary>Deficit-first choice among contenders with capacity left; null when none can take a query.</summary>
    public static ContenderSummary? Choose(IEnumerable<ContenderSummary> contenders, double volumePerRequest)
    {
        ContenderSummary? best = null;
        var bestDeficit = double.NegativeInfinity;
        foreach (var c in contenders)
        {
            if (!c.HasCapacityLeft || c.CapacityToScore <= 0)
            {
                continue;
            }

            var deficit = c.CapacityToScore - (c.Queries * volumePerRequest);
            if (deficit > bestDeficit || (deficit == bestDeficit && best is not null && string.CompareOrdinal(c.Hotkey, best.Hotkey) < 0))
            {
                best = c;
                bestDeficit = deficit;
            }
        }

        return best;
    }
}
