namespace Sn19.Actors.Subnet.Checks;

/// <summary>An <see cref="ICheckerPool"/> with one checker per model on this node.</summary>
internal sealed class ModelShardedCheckerPool : ICheckerPool
{
    private readonly Dictionary<string, IResultChecker> _byModel;

    public ModelShardedCheckerPool(IEnumerable<IResultChecker> checkers)
    {
        _byModel = new Dictionary<string, IResultChecker>(StringComparer.Ordinal);
        foreach (var checker in checkers)
        {
            if (!_byModel.TryAdd(checker.Model, checker))
            {
                throw new ArgumentException($"two checkers for model {checker.Model}", nameof(checkers));
            }
        }
    }

    public IReadOnlyCollection<string> Models => _byModel.Keys;

    public ValueTask<CheckVerdict> CheckAsync(CheckCandidate candidate, CancellationToken cancellationToken) =>
        _byModel.TryGetValue(candidate.Model, out var checker)
            ? checker.CheckAsync(candidate, cancellationToken)
            : ValueTask.FromResult(CheckVerdict.NotChecked($"no checker for model {candidate.Model}"));
}
