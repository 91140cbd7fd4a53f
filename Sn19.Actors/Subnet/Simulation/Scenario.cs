namespace Sn19.Actors.Subnet.Simulation;

/// <summary>
/// A simulate scenario file (JSON, kebab-case keys; see scenarios/README.md): the tasks, organic demand
/// and scripted miners.
/// </summary>
public sealed class Scenario
{
    public string Description { get; init; } = "";

    public IReadOnlyList<ScenarioTask> Tasks { get; init; } = [];

    public IReadOnlyList<ScenarioMiner> Miners { get; init; } = [];

    /// <summary>Organic demand per task and period, as a fraction of the miners' total declared capacity.</summary>
    public double OrganicLoad { get; init; }

    /// <summary>Length of a miner's answer in tokens, drawn uniformly in [min, max] and capped at the request's max_tokens;
    /// organic requests ask for the max.</summary>
    public ScenarioRange TokensPerRequest { get; init; } = new() { Min = 100, Max = 500 };

    /// <summary>A real model for the answers and the checks (hostile miners need it); null = scripted quality.</summary>
    public ScenarioEngine? Engine { get; init; }

    /// <summary>Organic retries on other miners after a failure before the first byte (reference §8.4: 3 tries).</summary>
    public int OrganicAttempts { get; init; } = 3;
}
