namespace Sn19.Actors.Subnet.Contenders;

/// <summary>Closes the period: computes and stores its period score.</summary>
public sealed record ClosePeriod(ContenderKey Key, long Period, DateTimeOffset At) : ContenderMessage(Key);
