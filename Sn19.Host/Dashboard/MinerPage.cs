namespace Sn19.Host.Dashboard;

using Sn19.Actors.History;

/// <summary>A miner's history (<c>GET /api/miners/{hotkey}</c>): its rows per period and task over the window, and its
/// weight in every round.</summary>
internal sealed record MinerPage(string Hotkey, ushort? Uid, double Days, IReadOnlyList<PeriodHistoryRow> Periods, IReadOnlyList<WeightHistoryRow> Weights);
