namespace Sn19.Actors.Signing;

using Sn19.Actors.Wire;

internal static class SignerResponses
{
    public static SignOutcome ToOutcome(SignerResponse response)
    {
        if (!response.Ok)
        {
            return SignOutcome.Refused(RefusalCodes.FromCode(response.Error), response.Message ?? response.Error ?? "refused");
        }

        if (response.Signature is null || !SignatureHex.TryParse(response.Signature, out var signature)
            || !WireAddress.IsValid(response.Address))
        {
            return SignOutcome.Refused(SignRefusal.Unavailable, "the signer answered without a well-formed signature");
        }

        return SignOutcome.Signed(signature, response.Address!);
    }

    public static SignerRequest Envelope(long id, string client, string token, string hotkey, EnvelopeToSign envelope, string kind = SignKinds.RequestEnvelope) => new()
    {
        Id = id,
        Client = client,
        Token = token,
        Hotkey = hotkey,
        Kind = kind,
        Nonce = envelope.Nonce,
        Miner = envelope.MinerHotkey,
        BodySha256 = envelope.BodySha256Hex,
    };

    public static SignerRequest Extrinsic(long id, string client, string token, string hotkey, ReadOnlySpan<byte> payload) => new()
    {
        Id = id,
        Client = client,
        Token = token,
        Hotkey = hotkey,
        Kind = SignKinds.Extrinsic,
        Payload = Convert.ToHexStringLower(payload),
    };

    public static SignerRequest Weights(long id, string client, string token, string hotkey, WeightsToSign weights) => new()
    {
        Id = id,
        Client = client,
        Token = token,
        Hotkey = hotkey,
        Kind = SignKinds.Weights,
        Netuid = weights.Netuid,
        Uids = weights.Uids,
        Values = weights.Values,
        VersionKey = weights.VersionKey,
        LastUpdate = weights.LastUpdate,
    };
}
