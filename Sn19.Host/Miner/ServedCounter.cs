namespace Sn19.Host.Miner;

/// <summary>Complete responses a task has sent since start (the whole stream or body written), safe across requests.</summary>
internal sealed class ServedCounter
{
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    public void Add() => Interlocked.Increment(ref _count);
}
