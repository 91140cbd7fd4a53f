namespace Sn19.Actors.Signing;

/// <summary>The message kinds the signer knows. It builds the signed bytes of each itself; anything else is refused.</summary>
public static class SignKinds
{
    /// <summary>A validator→miner request envelope (<see cref="Wire.EnvelopeMessage"/>).</summary>
    public const string RequestEnvelope = "request-envelope";

    /// <summary>A weights submission (<see cref="WeightsMessage"/>).</summary>
    public const string Weights = "weights";

    /// <summary>Not a signature: asks which SS58 address a hotkey has. Any authenticated client with the hotkey may ask.</summary>
    public const string Address = "address";

    public static bool IsSigningKind(string? kind) => kind is RequestEnvelope or Weights;
}
