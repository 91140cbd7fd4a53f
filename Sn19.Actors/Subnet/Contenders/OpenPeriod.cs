namespace Sn19.Actors.Subnet.Contenders;

using Sn19.Actors.Kernel;

/// <summary>Opens a period with the miner's declared capacity (a no-op when that period is already open or closed).</summary>
public sealed record OpenPeriod(PeriodOpening Opening, ReplyTo<ContenderSummary>? ReplyTo) : ContenderMessage;
