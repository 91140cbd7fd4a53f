namespace Sn19.Actors.Wire;

internal sealed record RequestEnvelopeFeature(string ValidatorHotkey, string Nonce) : IRequestEnvelopeFeature;
