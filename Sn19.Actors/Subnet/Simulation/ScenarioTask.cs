namespace Sn19.Actors.Subnet.Simulation;

/// <summary>A task of the scenario (the same fields as tasks.conf).</summary>
public sealed class ScenarioTask
{
    public string Id { get; init; } = "";

    public string Kind { get; init; } = "chat";

    public string Model { get; init; } = "test-model";

    public double MaxCapacity { get; init; } = 60_000;

    public double Weight { get; init; } = 1;

    public double VolumePerRequest { get; init; } = 300;

    public double TimeoutSeconds { get; init; } = 2;
}
