namespace Sn19.Actors.Subnet.Simulation;

using Sn19.Actors.Subnet.Checks;
using Sn19.Actors.Subnet.Synthetics;

/// <summary>What a scenario with an <see cref="ScenarioEngine"/> runs instead of scripted answers and quality: the real
/// answers, the real checkers (one per task model) and the synthetic settings that fit the test model.</summary>
public sealed record ScenarioEngineParts(IScenarioAnswers Answers, IReadOnlyList<IResultChecker> Checkers, SyntheticOptions Synthetics);
