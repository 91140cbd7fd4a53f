namespace Sn19.Host.Admin;

/// <summary>The body of <c>GET /admin/cluster</c>: this node's view of the members, the leader and who is unreachable.</summary>
internal sealed record ClusterStateResponse(string System, string Self, string? Leader, IReadOnlyList<ClusterMemberInfo> Members, IReadOnlyList<string> Unreachable);
