namespace Sn19.Actors.Organic;

/// <summary>A hold on a key's credit for one request in flight (in memory until it settles, is released or expires).</summary>
public sealed record OpenReservation(string RequestId, string TaskId, TaskPrice Price, int GrantedCompletionTokens, decimal Amount, string Owner, DateTimeOffset At, DateTimeOffset ExpiresAt);
