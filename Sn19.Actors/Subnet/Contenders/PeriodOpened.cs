namespace Sn19.Actors.Subnet.Contenders;

/// <summary>A period began: the miner's declared capacity, its clamp, the drawn share and the budget.</summary>
public sealed record PeriodOpened(
    long Period,
    DateTimeOffset At,
    double DeclaredCapacity,
    double Capacity,
    double Share,
    double CapacityToScore) : ContenderEvent;
