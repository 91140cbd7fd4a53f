namespace Sn19.Actors.Subnet.Checks;

/// <summary>Checks results of one model (the engine-backed LLM check of issue 8 implements it).</summary>
public interface IResultChecker
{
    /// <summary>The model whose results this checker scores.</summary>
    string Model { get; }

    ValueTask<CheckVerdict> CheckAsync(CheckCandidate candidate, CancellationToken cancellationToken);
}
