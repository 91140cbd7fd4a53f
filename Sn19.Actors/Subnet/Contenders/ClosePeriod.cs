namespace Sn19.Actors.Subnet.Contenders;

using Sn19.Actors.Kernel;

/// <summary>Closes the period: computes and stores its period score.</summary>
public sealed record ClosePeriod(long Period, DateTimeOffset At, ReplyTo<ContenderSummary>? ReplyTo) : ContenderMessage;
