namespace Sn19.Actors.Organic;

/// <summary>
/// Requests and tokens of one key in the last minute (a sliding window). Held in memory only: after a
/// restart a key starts with an empty window, which costs at most one extra minute's allowance.
/// </summary>
internal sealed class RateWindow
{
    private static readonly TimeSpan Width = TimeSpan.FromMinutes(1);
    private readonly Queue<(DateTimeOffset At, int Tokens)> _entries = new();
    private long _tokens;

    /// <summary>How long until a request of <paramref name="tokens"/> fits, or null when it fits now.
    /// A limit of 0 is no limit; a request alone in the window always fits, however large.</summary>
    public TimeSpan? WaitFor(DateTimeOffset now, int tokens, int requestsPerMinute, int tokensPerMinute)
    {
        Trim(now);
        var overRequests = requestsPerMinute > 0 && _entries.Count >= requestsPerMinute;
        var overTokens = tokensPerMinute > 0 && _entries.Count > 0 && _tokens + tokens > tokensPerMinute;
        if (!overRequests && !overTokens)
        {
            return null;
        }

        // The oldest entry leaving is the earliest the window can change; at least one second, as Retry-After counts seconds.
        var wait = _entries.Peek().At + Width - now;
        return wait < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : wait;
    }

    public void Add(DateTimeOffset now, int tokens)
    {
        _entries.Enqueue((now, tokens));
        _tokens += tokens;
    }

    private void Trim(DateTimeOffset now)
    {
        while (_entries.Count > 0 && now - _entries.Peek().At >= Width)
        {
            _tokens -= _entries.Dequeue().Tokens;
        }
    }
}
