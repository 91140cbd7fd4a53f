namespace Sn19.Actors.Subnet.Weights;

using Sn19.Actors.Mechanism;

/// <summary>
/// One computed weights round, kept in the weights history with its full breakdown, and the scoring period it
/// closed (null in rounds journaled before rounds were tied to periods).
/// </summary>
public sealed record WeightRoundRecord(
    long Round,
    DateTimeOffset At,
    IReadOnlyList<MinerWeightRow> Miners,
    IReadOnlyList<ContenderBreakdown> Contenders,
    IReadOnlyList<UidWeight> Weights,
    long? Period = null);
