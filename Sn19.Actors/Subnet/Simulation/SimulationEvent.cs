namespace Sn19.Actors.Subnet.Simulation;

/// <summary>Something that happens at an instant of a simulated period; ordered by time, kind, task, index.</summary>
internal readonly record struct SimulationEvent(DateTimeOffset At, SimulationEventKind Kind, string TaskId, int Index)
    : IComparable<SimulationEvent>
{
    public int CompareTo(SimulationEvent other)
    {
        var c = At.CompareTo(other.At);
        if (c == 0)
        {
            c = Kind.CompareTo(other.Kind);
        }

        if (c == 0)
        {
            c = string.CompareOrdinal(TaskId, other.TaskId);
        }

        return c != 0 ? c : Index.CompareTo(other.Index);
    }
}
