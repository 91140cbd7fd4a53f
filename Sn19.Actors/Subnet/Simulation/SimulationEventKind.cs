namespace Sn19.Actors.Subnet.Simulation;

/// <summary>Organic requests sort before a synthetic due at the same instant, so they can cancel it.</summary>
internal enum SimulationEventKind
{
    Organic = 0,
    Synthetic = 1,
}
