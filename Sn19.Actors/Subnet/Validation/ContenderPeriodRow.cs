namespace Sn19.Actors.Subnet.Validation;

/// <summary>
/// One line of the period table: a contender's capacity, its queries this period by outcome, its quality
/// and speed so far, and the period score it closed with.
/// </summary>
public sealed record ContenderPeriodRow(
    ushort? Uid,
    string Hotkey,
    string TaskId,
    double DeclaredCapacity,
    double Capacity,
    int Ok,
    int RateLimited,
    int Failed,
    double? Quality,
    double? TokensPerSecond,
    double? PeriodScore);
