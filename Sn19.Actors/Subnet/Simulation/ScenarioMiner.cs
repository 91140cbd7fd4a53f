namespace Sn19.Actors.Subnet.Simulation;

/// <summary>A scripted miner: what it declares and how it really behaves.</summary>
public sealed class ScenarioMiner
{
    /// <summary>Used as its hotkey; uids are given in file order from 0.</summary>
    public string Name { get; init; } = "";

    /// <summary>Declared capacity per task id, per period (tokens).</summary>
    public IReadOnlyDictionary<string, double> Capacity { get; init; } = new Dictionary<string, double>();

    /// <summary>Real capacity as a fraction of the declared one: past it (work served this period) it answers 429.</summary>
    public double RealCapacity { get; init; } = 1.0;

    /// <summary>Probability that a query fails (error status, broken stream).</summary>
    public double FailureRate { get; init; }

    /// <summary>Quality q of its results, drawn uniformly in [min, max] (1 = what the checker would produce).</summary>
    public ScenarioRange Quality { get; init; } = new() { Min = 0.95, Max = 1.0 };

    /// <summary>Generation speed once streaming, tokens per second.</summary>
    public double TokensPerSecond { get; init; } = 50;

    /// <summary>Time to first token, milliseconds.</summary>
    public double LatencyMs { get; init; } = 200;

    /// <summary>How it cheats, as <c>sn19 miner --hostile</c> takes it (early-eos, truncated, replay, logprob-noise, forger), or
    /// impostor (the task model's shape with other weights); null = honest. Needs the scenario's engine.</summary>
    public string? Hostile { get; init; }

    /// <summary>First period in which it takes part (a newcomer).</summary>
    public long JoinPeriod { get; init; }
}
