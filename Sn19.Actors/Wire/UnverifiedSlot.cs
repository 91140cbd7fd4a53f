namespace Sn19.Actors.Wire;

using System.Runtime.CompilerServices;

/// <summary>One request's place in <see cref="UnverifiedRequestLimiter"/>; given back once, however often it is disposed.</summary>
public sealed class UnverifiedSlot : IDisposable
{
    private StrongBox<int>? _count;

    internal UnverifiedSlot(StrongBox<int> count) => _count = count;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _count, null) is { } count)
        {
            Interlocked.Decrement(ref count.Value);
        }
    }
}
