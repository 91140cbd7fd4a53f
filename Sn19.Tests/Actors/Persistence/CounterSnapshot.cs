namespace Sn19.Tests.Actors.Persistence;

public sealed record CounterSnapshot(long Value);
