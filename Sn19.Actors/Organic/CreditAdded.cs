namespace Sn19.Actors.Organic;

public sealed record CreditAdded(decimal Amount, string OperationId, DateTimeOffset At) : KeyEvent;
