namespace Sn19.Actors.Subnet.Contenders;

using Akka.Cluster.Sharding;

/// <summary>
/// Routes contender messages in the shard region: the entity id is the contender's persistence id
/// ("contender/HOTKEY/TASK"), spread over a fixed number of shards by its hash.
/// </summary>
internal sealed class ContenderMessageExtractor() : HashCodeMessageExtractor(Shards)
{
    /// <summary>Shards of the region: ten per node of the largest cluster we expect, so a rebalance moves small parts.</summary>
    public const int Shards = 100;

    public override string? EntityId(object message) => message is ContenderMessage m ? m.Key.PersistenceId : null;
}
