namespace Sn19.Host.Miner.Actors;

using Akka.Actor;

/// <summary>A held slot of a <see cref="TaskGateActor"/>; disposing it gives the slot back, once.</summary>
internal sealed class GateSlot(IActorRef gate, long requestId) : IDisposable
{
    private int _left;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _left, 1) == 0)
        {
            gate.Tell(new LeaveGate(requestId));
        }
    }
}
