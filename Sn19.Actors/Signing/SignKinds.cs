namespace Sn19.Actors.Signing;

/// <summary>The message kinds the signer knows. It builds the signed bytes of each itself; anything else is refused.</summary>
public static class SignKinds
{
    /// <summary>A validator→miner request envelope (<see cref="Wire.EnvelopeMessage"/>).</summary>
    public const string RequestEnvelope = "request-envelope";

    /// <summary>A weights submission (<see cref="WeightsMessage"/>).</summary>
    public const string Weights = "weights";

    /// <summary>A fiber 2.x request (Nineteen's wire): the text <c>{nonce}:{miner}:{symmetric key uuid}</c>.</summary>
    public const string FiberRequest = "fiber-request";

    /// <summary>
    /// A Subtensor extrinsic's signing payload (call ‖ signed extensions' explicit and implicit parts). The signer hashes it
    /// with BLAKE2b-256 when it is longer than 256 bytes, as Substrate does, so the client always sends the whole payload.
    /// The payload is signed as the runtime will check it: a client granted this kind can have any call of the hotkey
    /// signed, so grant it only to the validator or miner process of that hotkey (a hotkey holds no stake of its own).
    /// </summary>
    public const string Extrinsic = "extrinsic";

    /// <summary>Not a signature: asks which SS58 address a hotkey has. Any authenticated client with the hotkey may ask.</summary>
    public const string Address = "address";

    public static bool IsSigningKind(string? kind) => kind is RequestEnvelope or Weights or Extrinsic or FiberRequest;
}
