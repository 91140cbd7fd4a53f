namespace Sn19.Actors.Subnet.Validation;

/// <summary>
/// Scoring periods aligned to multiples of the period length since the Unix epoch, as the miner counts its
/// per-validator quota: period p spans [p × length, (p + 1) × length). A restarted node finds the same
/// period numbers again, so a contender's journal and the schedule agree.
/// </summary>
public readonly record struct PeriodClock(TimeSpan Length)
{
    public long IndexAt(DateTimeOffset time) => time.ToUnixTimeMilliseconds() / (long)Length.TotalMilliseconds;

    public DateTimeOffset StartOf(long period) => DateTimeOffset.FromUnixTimeMilliseconds(period * (long)Length.TotalMilliseconds);

    public DateTimeOffset EndOf(long period) => StartOf(period + 1);
}
