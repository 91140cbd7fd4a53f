namespace Sn19.Actors.Signing;

/// <summary>
/// Signs for one hotkey without holding its secret: over the signer socket (<c>SignerClient</c>) or, in the
/// local subnet, in-process under the same policy (<c>InProcessHotkeySigner</c>).
/// </summary>
public interface IHotkeySigner
{
    /// <summary>SS58 address of the hotkey this signer signs with.</summary>
    string HotkeyAddress { get; }

    ValueTask<SignOutcome> SignEnvelopeAsync(EnvelopeToSign envelope, CancellationToken cancellationToken);

    /// <summary>Signs a fiber 2.x request (<see cref="SignKinds.FiberRequest"/>); the envelope's body hash is the symmetric key uuid.</summary>
    ValueTask<SignOutcome> SignFiberRequestAsync(EnvelopeToSign request, CancellationToken cancellationToken);

    ValueTask<SignOutcome> SignWeightsAsync(WeightsToSign weights, CancellationToken cancellationToken);

    /// <summary>Signs a Subtensor extrinsic's signing payload (<see cref="SignKinds.Extrinsic"/>).</summary>
    ValueTask<SignOutcome> SignExtrinsicAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken);
}
