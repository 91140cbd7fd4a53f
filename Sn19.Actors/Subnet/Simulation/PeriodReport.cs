namespace Sn19.Actors.Subnet.Simulation;

using Sn19.Actors.Subnet.Weights;

/// <summary>One simulated period: contenders' counts and scores, the task schedules and the weights round.</summary>
public sealed record PeriodReport(
    long Period,
    IReadOnlyList<ContenderRow> Contenders,
    IReadOnlyList<ScheduleRow> Schedules,
    WeightRoundRecord Round);
