namespace Sn19.Host.Dashboard;

using Sn19.Actors.History;

/// <summary>One task's leaderboard: its rows of the latest closed period, best period score first.</summary>
internal sealed record TaskBoard(string TaskId, string Model, IReadOnlyList<PeriodHistoryRow> Rows);
