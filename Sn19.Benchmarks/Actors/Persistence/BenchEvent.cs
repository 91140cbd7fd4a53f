namespace Sn19.Benchmarks.Actors.Persistence;

/// <summary>A contender-sized event for the journal benchmarks.</summary>
public sealed record BenchEvent(int Index, string Hotkey);
