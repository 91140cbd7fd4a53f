namespace Sn19.Host.Signer;

/// <summary>
/// One accepted client as the accept loop sees it: whether it is waiting between frames (and since when),
/// so that a new client can take the place of the longest-idle one when every slot is in use.
/// </summary>
internal sealed class SignerServerConnection : IDisposable
{
    private readonly CancellationTokenSource _evicted = new();
    private long _idleSince = -1;

    /// <summary>Cancelled when the connection is closed to make room for a new client.</summary>
    public CancellationToken Evicted => _evicted.Token;

    /// <summary>The timestamp it began waiting for its next frame, or −1 while a frame is in progress.</summary>
    public long IdleSince => Volatile.Read(ref _idleSince);

    public void MarkIdle(long timestamp) => Volatile.Write(ref _idleSince, timestamp);

    public void MarkBusy() => Volatile.Write(ref _idleSince, -1);

    /// <summary>Closes the connection if it is still between frames; false when a frame began meanwhile.</summary>
    public bool TryEvict()
    {
        if (Interlocked.Exchange(ref _idleSince, -1) < 0)
        {
            return false;
        }

        _evicted.Cancel();
        return true;
    }

    public void Dispose() => _evicted.Dispose();
}
