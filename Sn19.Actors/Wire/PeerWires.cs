namespace Sn19.Actors.Wire;

using Sn19.Actors.Wire.Fiber;

/// <summary>The wire for each miner, by configuration: fiber for the peers <see cref="FiberOptions"/> names, Sn19's
/// envelope for the rest.</summary>
public sealed class PeerWires(IMinerWire envelope, IMinerWire fiber, FiberOptions options) : IMinerWire
{
    public Task<PreparedRequest> PrepareAsync(Uri axon, string minerHotkey, MinerOperation operation, byte[] json, CancellationToken cancellationToken) =>
        For(minerHotkey).PrepareAsync(axon, minerHotkey, operation, json, cancellationToken);

    public void Refused(string minerHotkey, int status) => For(minerHotkey).Refused(minerHotkey, status);

    private IMinerWire For(string minerHotkey) => options.SpeaksFiberTo(minerHotkey) ? fiber : envelope;
}
