namespace Sn19.Tests.Actors.Cluster;

using Sn19.Actors.Subnet.Checks;

/// <summary>
/// Test double for a model's checker on a GPU node (no GPU here, and the routing is the point): it answers every check
/// with its own fixed quality, so the verdict tells which node's checker ran it.
/// </summary>
internal sealed class FixedQualityChecker(string model, double quality) : IResultChecker
{
    public string Model => model;

    public ValueTask<CheckVerdict> CheckAsync(CheckCandidate candidate, CancellationToken cancellationToken) =>
        ValueTask.FromResult(CheckVerdict.Scored(quality));
}
