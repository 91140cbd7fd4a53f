namespace Sn19.Actors.Organic;

/// <summary>Credit held for one request until it settles or expires; <see cref="Owner"/> is the gateway node that settles it.</summary>
public sealed record CreditReserved(string RequestId, string TaskId, TaskPrice Price, int GrantedCompletionTokens, decimal Amount, string Owner, DateTimeOffset At, DateTimeOffset ExpiresAt) : KeyEvent;
