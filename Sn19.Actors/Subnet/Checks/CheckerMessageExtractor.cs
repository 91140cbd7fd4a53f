namespace Sn19.Actors.Subnet.Checks;

using Akka.Cluster.Sharding;

/// <summary>A checker region holds one model's checker: one shard, one entity, named after the model.</summary>
internal sealed class CheckerMessageExtractor() : HashCodeMessageExtractor(1)
{
    public override string? EntityId(object message) => message is CheckRequest request ? request.Candidate.Model : null;
}
