namespace Sn19.Actors.Wire.Queries;

using System.Text.Json;

/// <summary>
/// The trace of one validator→miner query: its status, the chunks the miner streamed (kept for the
/// quality check), the work in tokens and the timings the speed score uses.
/// </summary>
public sealed record QueryResult(
    QueryStatus Status,
    string? Failure,
    int? HttpStatus,
    IReadOnlyList<JsonElement> Chunks,
    int Tokens,
    TimeSpan ResponseTime,
    TimeSpan? TimeToFirstToken,
    TimeSpan? StreamTime)
{
    /// <summary>A failure because a connect, first-token, between-token or total timeout ran out.</summary>
    public bool TimedOut { get; init; }

    public static QueryResult Failed(string reason, int? httpStatus, TimeSpan elapsed) =>
        new(QueryStatus.Failed, reason, httpStatus, [], 0, elapsed, null, null);
}
