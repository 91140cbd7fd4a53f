namespace Sn19.Benchmarks.Actors.Cluster;

/// <summary>One measured period on a cluster of <see cref="Nodes"/> nodes: the phases are open, record, quality, close, aggregate.</summary>
internal sealed record ScaleRun(int Nodes, int Contenders, long Events, TimeSpan Wall, IReadOnlyList<TimeSpan> Phases, IReadOnlyList<int> EntitiesPerNode)
{
    public double EventsPerSecond => Events / Wall.TotalSeconds;
}
