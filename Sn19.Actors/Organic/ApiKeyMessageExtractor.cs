namespace Sn19.Actors.Organic;

using Akka.Cluster.Sharding;

/// <summary>Routes key messages in the <c>api-keys</c> shard region by key id.</summary>
internal sealed class ApiKeyMessageExtractor() : HashCodeMessageExtractor(Shards)
{
    public const int Shards = 50;

    public override string? EntityId(object message) => message is KeyMessage m ? m.KeyId : null;
}
