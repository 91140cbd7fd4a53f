namespace Sn19.Host.Dashboard;

using Sn19.Actors.History;

/// <summary>Organic usage over the window: overall, per task, per key, per (task, key).</summary>
internal sealed record OrganicView(double WindowHours, OrganicUsageTotal? Overall, IReadOnlyList<OrganicUsageTotal> ByTask,
    IReadOnlyList<OrganicUsageTotal> ByKey, IReadOnlyList<OrganicUsageTotal> ByTaskAndKey);
