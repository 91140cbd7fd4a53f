namespace Sn19.Actors.Subnet.Simulation;

/// <summary>A closed range [min, max] drawn uniformly.</summary>
public sealed class ScenarioRange
{
    public double Min { get; init; }

    public double Max { get; init; }

    public double Draw(double uniform) => Min + ((Max - Min) * uniform);
}
