namespace Sn19.Actors.Mechanism;

/// <summary>A classified query result: ok carries work and timings; the others carry nothing.</summary>
public sealed record QueryOutcome(
    QueryOutcomeKind Kind,
    double Work,
    TimeSpan ResponseTime,
    TimeSpan? TimeToFirstToken,
    TimeSpan? StreamTime)
{
    public static QueryOutcome RateLimited { get; } = new(QueryOutcomeKind.RateLimited, 0, TimeSpan.Zero, null, null);

    public static QueryOutcome Failed { get; } = new(QueryOutcomeKind.Failed, 0, TimeSpan.Zero, null, null);

    public static QueryOutcome Ok(double work, TimeSpan responseTime, TimeSpan? timeToFirstToken = null, TimeSpan? streamTime = null) =>
        new(QueryOutcomeKind.Ok, work, responseTime, timeToFirstToken, streamTime);
}
