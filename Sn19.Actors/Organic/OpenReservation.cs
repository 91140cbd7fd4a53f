namespace Sn19.Actors.Organic;

/// <summary>A reservation not yet settled or expired.</summary>
public sealed record OpenReservation(string RequestId, string TaskId, TaskPrice Price, int GrantedCompletionTokens, decimal Amount, string Owner, DateTimeOffset At, DateTimeOffset ExpiresAt);
