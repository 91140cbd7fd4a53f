namespace Sn19.Host.Admin;

using Sn19.Actors.History;

/// <summary>The body of <c>GET /admin/history?from=…&amp;to=…</c>: the contender rows of the periods that ended in
/// [from, to) and every miner's weight in the rounds set in it.</summary>
internal sealed record HistoryExportResponse(
    DateTimeOffset From, DateTimeOffset To, IReadOnlyList<PeriodHistoryRow> Periods, IReadOnlyList<WeightHistoryRow> Weights);
