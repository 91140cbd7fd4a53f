namespace Sn19.Actors.Subnet.Contenders;

/// <summary>What a contender needs to open a period: the declared capacity, the task's cap, the drawn share.</summary>
public sealed record PeriodOpening(long Period, DateTimeOffset At, double DeclaredCapacity, double MaxCapacity, double Share, double Multiplier);
