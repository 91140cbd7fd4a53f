namespace Sn19.Host.Admin;

/// <summary>One member of the cluster as this node sees it.</summary>
internal sealed record ClusterMemberInfo(string Address, string Status, IReadOnlyList<string> Roles, bool Reachable, bool Oldest);
