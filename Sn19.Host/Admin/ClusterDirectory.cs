namespace Sn19.Host.Admin;

using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Sharding;

/// <summary>
/// Reads and acts on the cluster a node belongs to: membership as this node sees it, the shard regions it
/// hosts (asked directly, not through a proxy), and leave / down of a member. A node not in a cluster
/// (a miner) has none of these: <see cref="InCluster"/> is false.
/// </summary>
internal sealed class ClusterDirectory(ActorSystem system, TimeSpan timeout)
{
    public bool InCluster => system.Settings.ProviderClass.Contains("Cluster", StringComparison.Ordinal);

    public ClusterStateResponse State()
    {
        var cluster = Cluster.Get(system);
        var state = cluster.State;
        var unreachable = state.Unreachable.Select(m => m.Address).ToHashSet();
        var oldest = state.Members.Where(m => m.Status == MemberStatus.Up).OrderBy(m => m, Member.AgeOrdering).FirstOrDefault();
        var members = state.Members
            .OrderBy(m => m.Address.ToString(), StringComparer.Ordinal)
            .Select(m => new ClusterMemberInfo(
                m.Address.ToString(), m.Status.ToString(), [.. m.Roles.Order(StringComparer.Ordinal)], !unreachable.Contains(m.Address), m.Equals(oldest)))
            .ToList();
        return new ClusterStateResponse(
            system.Name, cluster.SelfAddress.ToString(), state.Leader?.ToString(), members, [.. unreachable.Select(a => a.ToString()).Order(StringComparer.Ordinal)]);
    }

    public async Task<ShardListResponse> ShardsAsync(bool withEntityIds, CancellationToken cancellationToken)
    {
        var sharding = ClusterSharding.Get(system);
        var node = Cluster.Get(system).SelfAddress.ToString();
        var regions = new List<ShardRegionInfo>();
        foreach (var name in sharding.ShardTypeNames.Order(StringComparer.Ordinal))
        {
            var state = await sharding.ShardRegion(name).Ask<CurrentShardRegionState>(GetShardRegionState.Instance, timeout, cancellationToken);
            regions.Add(new ShardRegionInfo(name, node, [.. state.Shards
                .OrderBy(s => s.ShardId, StringComparer.Ordinal)
                .Select(s => new ShardInfo(s.ShardId, s.EntityIds.Count, withEntityIds ? [.. s.EntityIds.Order(StringComparer.Ordinal)] : null))]));
        }

        return new ShardListResponse(system.Name, node, regions);
    }

    /// <summary>Asks <paramref name="address"/> to leave (gracefully) or marks it down; false when it is not a member.</summary>
    public bool Act(string address, bool down)
    {
        var cluster = Cluster.Get(system);
        var member = cluster.State.Members.FirstOrDefault(m => m.Address.ToString() == address);
        if (member is null)
        {
            return false;
        }

        if (down)
        {
            cluster.Down(member.Address);
        }
        else
        {
            cluster.Leave(member.Address);
        }

        return true;
    }
}
