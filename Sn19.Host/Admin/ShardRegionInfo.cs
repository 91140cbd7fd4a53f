namespace Sn19.Host.Admin;

/// <summary>A shard region on one node: the shards it hosts there.</summary>
internal sealed record ShardRegionInfo(string Region, string Node, IReadOnlyList<ShardInfo> Shards)
{
    public int Entities => Shards.Sum(s => s.Entities);
}
