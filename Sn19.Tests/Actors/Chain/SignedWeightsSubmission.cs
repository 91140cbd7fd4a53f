namespace Sn19.Tests.Actors.Chain;

using Sn19.Actors.Chain;
using Sn19.Actors.Signing;

/// <summary>
/// set_weights as chain tests mostly want it: signed by the test key behind the hotkey, against the
/// netuid and last update the chain reports right now (what a validator reads before it signs).
/// </summary>
internal static class SignedWeightsSubmission
{
    public static async Task<ChainResult<bool>> SetWeightsAsync(
        this IChain chain, string hotkey, IReadOnlyList<ushort> uids, IReadOnlyList<ushort> values, ulong versionKey, CancellationToken cancellationToken)
    {
        var metagraph = (await chain.GetMetagraphAsync(cancellationToken)).GetValueOrThrow();
        var lastUpdate = metagraph.Neurons.FirstOrDefault(n => n.Hotkey == hotkey)?.LastUpdate ?? 0;
        return await chain.SetWeightsAsync(Sign(hotkey, new WeightsToSign(metagraph.Netuid, uids, values, versionKey, lastUpdate)), cancellationToken);
    }

    /// <summary>The submission signed by the test key behind <paramref name="hotkey"/> (any bytes WeightsMessage cannot encode are left unsigned).</summary>
    public static SignedWeights Sign(string hotkey, WeightsToSign weights)
    {
        var message = WeightsMessage.TryEncode(weights, out _);
        var signature = message is null ? new byte[64] : TestKeys.KeyFor(hotkey).Sign(message);
        return new SignedWeights(hotkey, weights, signature);
    }
}
