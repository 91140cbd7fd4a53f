namespace Sn19.Actors.Subnet.Validation;

using Sn19.Actors.Mechanism;
using Sn19.Actors.Wire.Queries;

/// <summary>What the wire saw of a query, in the form the mechanism's <see cref="OutcomeClassifier"/> judges.</summary>
internal static class QueryObservations
{
    public static QueryObservation From(QueryResult result, int maxTokens)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Status switch
        {
            QueryStatus.Ok => new QueryObservation(
                result.HttpStatus ?? 200, false, 1, result.Chunks.Count, false, result.Tokens, 0, maxTokens,
                result.ResponseTime, result.TimeToFirstToken, result.StreamTime),
            QueryStatus.RateLimited => new QueryObservation(429, false, 0, 0, false, null, 0, maxTokens, result.ResponseTime, null, null),
            _ => new QueryObservation(
                result.HttpStatus ?? 0, result.TimedOut, 0, 0, true,
                null, 0, maxTokens, result.ResponseTime, null, null),
        };
    }
}
