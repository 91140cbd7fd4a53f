namespace Sn19.Actors.Subnet.Contenders;

/// <summary>An ok result that has not been checked yet; kept so a restart can refill the check reservoir.</summary>
public sealed record PendingCheck(long QueryId, DateTimeOffset At, double Work, TimeSpan ResponseTime);
