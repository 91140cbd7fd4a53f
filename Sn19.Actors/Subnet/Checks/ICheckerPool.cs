namespace Sn19.Actors.Subnet.Checks;

/// <summary>
/// Routes a check to the checker of the candidate's model. Sharded by model so each model stays loaded
/// where it is; in a cluster each shard lives on the node that holds that model.
/// </summary>
public interface ICheckerPool
{
    /// <summary>Models that have a checker here.</summary>
    IReadOnlyCollection<string> Models { get; }

    ValueTask<CheckVerdict> CheckAsync(CheckCandidate candidate, CancellationToken cancellationToken);
}
