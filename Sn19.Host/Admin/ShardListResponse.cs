namespace Sn19.Host.Admin;

/// <summary>The body of <c>GET /admin/shards</c>: the shard regions hosted by the node that answered.</summary>
internal sealed record ShardListResponse(string System, string Node, IReadOnlyList<ShardRegionInfo> Regions);
