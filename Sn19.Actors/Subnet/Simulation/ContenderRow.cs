namespace Sn19.Actors.Subnet.Simulation;

/// <summary>One contender at the end of a simulated period.</summary>
public sealed record ContenderRow(
    string Hotkey,
    string TaskId,
    double Capacity,
    double CapacityToScore,
    int Queries,
    int RateLimited,
    int Failed,
    double Consumed,
    double? Score);
