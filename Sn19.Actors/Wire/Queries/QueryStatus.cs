namespace Sn19.Actors.Wire.Queries;

/// <summary>What happened to one query at the transport level (MECHANISM.md "Outcome of a query").</summary>
public enum QueryStatus
{
    /// <summary>A complete, well-formed stream.</summary>
    Ok,

    /// <summary>HTTP 429, including a stream refused with 429 before its first byte.</summary>
    RateLimited,

    /// <summary>Any other status, a timeout, a broken, malformed or empty stream, or too many tokens.</summary>
    Failed,
}
