namespace Sn19.Host.Dashboard;

using Sn19.Actors.History;

/// <summary>The front page's numbers in one answer (<c>GET /api/overview</c>): the latest closed period per task, the
/// last weight rounds with the newest round's weights, the chain's last Yuma epoch, and organic usage.</summary>
internal sealed record DashboardOverview(
    string Validator,
    DateTimeOffset At,
    int RefreshSeconds,
    PeriodSpan? Period,
    IReadOnlyList<TaskBoard> Tasks,
    IReadOnlyList<WeightRoundSummary> Rounds,
    IReadOnlyList<WeightHistoryRow> LatestWeights,
    YumaView Yuma,
    OrganicView Organic);
