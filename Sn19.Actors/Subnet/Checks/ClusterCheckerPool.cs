namespace Sn19.Actors.Subnet.Checks;

using Akka.Actor;

/// <summary>
/// The <see cref="ICheckerPool"/> of a cluster node: one shard region per task model (its one entity is that model's
/// checker, on a node that has the model), or a proxy to it where this node does not have the model. A check that
/// finds no checker in time (no node has the model, or it is moving after a failover) is "not checked", never a
/// verdict against the miner.
/// </summary>
internal sealed class ClusterCheckerPool(IReadOnlyDictionary<string, IActorRef> regions, TimeSpan timeout) : ICheckerPool
{
    public IReadOnlyCollection<string> Models => [.. regions.Keys];

    public async ValueTask<CheckVerdict> CheckAsync(CheckCandidate candidate, CancellationToken cancellationToken)
    {
        if (!regions.TryGetValue(candidate.Model, out var region))
        {
            return CheckVerdict.NotChecked($"no checker region for model {candidate.Model}");
        }

        try
        {
            return await region.Ask<CheckVerdict>(new CheckRequest(candidate), timeout, cancellationToken);
        }
        catch (AskTimeoutException)
        {
            return CheckVerdict.NotChecked($"no checker of model {candidate.Model} answered within {timeout.TotalSeconds:F0} s");
        }
    }
}
