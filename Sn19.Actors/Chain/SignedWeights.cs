namespace Sn19.Actors.Chain;

using Sn19.Actors.Signing;

/// <summary>
/// A set_weights call as the chain takes it: the hotkey, the submission it signed, and its sr25519
/// signature over <see cref="WeightsMessage.TryEncode"/> of that submission.
/// </summary>
public sealed record SignedWeights(string Hotkey, WeightsToSign Weights, ReadOnlyMemory<byte> Signature);
