namespace Sn19.Actors.Organic;

public sealed record KeyIssued(string Name, string SecretHash, decimal Credit, int RequestsPerMinute, int TokensPerMinute, DateTimeOffset At) : KeyEvent;
