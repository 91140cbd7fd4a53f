namespace Sn19.Actors.Subnet.Contenders;

/// <summary>Opens a period with the miner's declared capacity (a no-op when that period is already open or closed).</summary>
public sealed record OpenPeriod(ContenderKey Key, PeriodOpening Opening) : ContenderMessage(Key);
