namespace Sn19.Actors.Subnet.Simulation;

using Sn19.Actors.Subnet.Checks;

/// <summary>A test double for the engine-backed checker: it returns the quality the scenario scripts for the miner.</summary>
internal sealed class ScriptedChecker(string model, IReadOnlyDictionary<string, ScriptedMiner> miners) : IResultChecker
{
    public string Model => model;

    public ValueTask<CheckVerdict> CheckAsync(CheckCandidate candidate, CancellationToken cancellationToken) =>
        ValueTask.FromResult(miners.TryGetValue(candidate.Hotkey, out var miner)
            ? CheckVerdict.Scored(miner.Quality(candidate.TaskId, candidate.QueryId, candidate.At))
            : CheckVerdict.NotChecked($"unknown miner {candidate.Hotkey}"));
}
