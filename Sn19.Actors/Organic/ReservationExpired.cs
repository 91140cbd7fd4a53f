namespace Sn19.Actors.Organic;

/// <summary>A reservation released without a charge: its gateway node is gone, or it outlived every timeout.</summary>
public sealed record ReservationExpired(string RequestId, string Reason, DateTimeOffset At) : KeyEvent;
