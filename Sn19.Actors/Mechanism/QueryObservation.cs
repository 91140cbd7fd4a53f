namespace Sn19.Actors.Mechanism;

/// <summary>What the wire layer saw of one query, before classification.</summary>
/// <param name="StatusCode">HTTP status; 0 when no response arrived (connection error, timeout).</param>
/// <param name="TimedOut">The call hit the task's timeout.</param>
/// <param name="BytesReceived">Body bytes that arrived (0 = refused before the first byte).</param>
/// <param name="ValidChunks">Well-formed chunks (stream) or 1 for a well-formed non-stream body.</param>
/// <param name="Malformed">A chunk or body failed to parse, or the stream ended without content.</param>
/// <param name="Tokens">Tokens the miner streamed, when the backend reports them.</param>
/// <param name="Characters">Characters of generated text (fallback work when no token count).</param>
/// <param name="MaxTokens">The request's max_tokens; a longer answer fails.</param>
internal sealed record QueryObservation(
    int StatusCode,
    bool TimedOut,
    long BytesReceived,
    int ValidChunks,
    bool Malformed,
    int? Tokens,
    long Characters,
    int MaxTokens,
    TimeSpan ResponseTime,
    TimeSpan? TimeToFirstToken,
    TimeSpan? StreamTime);
