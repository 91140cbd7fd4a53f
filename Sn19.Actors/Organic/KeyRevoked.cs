namespace Sn19.Actors.Organic;

public sealed record KeyRevoked(DateTimeOffset At) : KeyEvent;
