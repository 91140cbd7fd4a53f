namespace Sn19.Actors.Organic;

/// <summary>A request's charge: the ledger's only record of spending (reservations are held in memory until this).</summary>
public sealed record ReservationSettled(string RequestId, string TaskId, int PromptTokens, int CompletionTokens, decimal Charged, DateTimeOffset At) : KeyEvent;
