namespace Sn19.Actors.Wire;

/// <summary>
/// How a validator's request reaches one miner: Sn19's signed envelope (<see cref="EnvelopeWire"/>) or fiber 2.x's
/// encrypted flavour, which Nineteen's miners speak (<see cref="Fiber.FiberWire"/>). A wire builds the HTTP request for
/// an operation from its JSON body, ready to send; <see cref="PreparedRequest.Problem"/> says why it could not (the signer
/// refused, the handshake failed) and then nothing is sent.
/// </summary>
public interface IMinerWire
{
    Task<PreparedRequest> PrepareAsync(Uri axon, string minerHotkey, MinerOperation operation, byte[] json, CancellationToken cancellationToken);

    /// <summary>Tells the wire a prepared request was refused with <paramref name="status"/>: fiber forgets the miner's key
    /// on a 400 (a restarted miner has lost it), so the next request shakes hands again.</summary>
    void Refused(string minerHotkey, int status);
}
