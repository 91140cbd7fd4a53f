namespace Sn19.Actors.Subnet.Validation;

using Sn19.Actors.Subnet.Tasks;
using Sn19.Actors.Subnet.Weights;

/// <summary>A closed period: every contender's row, every task's schedule and totals, and the weights round set
/// after it (null if none ran).</summary>
public sealed record PeriodReport(
    long Period,
    DateTimeOffset Start,
    DateTimeOffset End,
    IReadOnlyList<ContenderPeriodRow> Rows,
    IReadOnlyList<TaskSummary> Tasks,
    WeightHistoryEntry? Weights);
