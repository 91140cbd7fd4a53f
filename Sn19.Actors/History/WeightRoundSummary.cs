namespace Sn19.Actors.History;

/// <summary>One weights round as history keeps it: when, for which period, what the chain made of it, and how many
/// miners it weighed.</summary>
public sealed record WeightRoundSummary(long Round, long? Period, DateTimeOffset At, string Status, string? Detail, ulong Block, int Miners);
