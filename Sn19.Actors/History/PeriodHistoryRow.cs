namespace Sn19.Actors.History;

/// <summary>
/// One contender in one closed period, as the dashboard and the CSV export show it: what it declared, how its
/// queries ended, its quality and speed, its period score, and the miner's weight in the round set after the
/// period and its incentive from the chain's last Yuma epoch (a proportion, 0..1).
/// </summary>
public sealed record PeriodHistoryRow(
    long Period,
    DateTimeOffset Start,
    DateTimeOffset End,
    string TaskId,
    string Hotkey,
    ushort? Uid,
    double DeclaredCapacity,
    double Capacity,
    int Ok,
    int RateLimited,
    int Failed,
    double? Quality,
    double? TokensPerSecond,
    double? PeriodScore,
    double? Weight,
    double? Incentive);
