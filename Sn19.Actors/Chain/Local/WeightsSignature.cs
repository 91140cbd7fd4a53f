namespace Sn19.Actors.Chain.Local;

using Sn19.Actors.Crypto;
using Sn19.Actors.Signing;

/// <summary>
/// What subtensor checks before it runs set_weights, in the local chain's terms: the call is the
/// hotkey's (an sr25519 signature by the key its address carries over <see cref="WeightsMessage"/>), for
/// this subnet, and not a replay (it was signed against the hotkey's current last update, see
/// <see cref="WeightsToSign"/>). A submission too malformed to encode (lengths differ, a uid twice, more
/// than any subnet's uids) passes here and is refused with its specific reason by <see cref="WeightsCheck"/>.
/// </summary>
internal static class WeightsSignature
{
    public static ChainError? Check(SignedWeights signed, ushort netuid, ulong lastUpdate)
    {
        var weights = signed.Weights;
        if (weights.Netuid != netuid)
        {
            return new(ChainErrorCode.BadSignature, $"the weights are signed for netuid {weights.Netuid}; this chain is netuid {netuid}");
        }

        var message = WeightsMessage.TryEncode(weights, out _);
        if (message is null)
        {
            return null;
        }

        if (!Ss58.TryDecode(signed.Hotkey, out var publicKey, out _) || !Sr25519.Verify(publicKey, message, signed.Signature.Span))
        {
            return new(ChainErrorCode.BadSignature, $"the signature is not {signed.Hotkey}'s over these weights");
        }

        return weights.LastUpdate == lastUpdate
            ? null
            : new(ChainErrorCode.StaleWeights,
                $"signed against last update {weights.LastUpdate}, but the hotkey's last update is block {lastUpdate}; read the metagraph and sign again");
    }
}
