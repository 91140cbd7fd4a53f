namespace Sn19.Actors.Organic;

public sealed record ReservationSettled(string RequestId, int PromptTokens, int CompletionTokens, decimal Charged, DateTimeOffset At) : KeyEvent;
