namespace Sn19.Tests.Actors.Chain.Local;

using Sn19.Actors.Chain;
using Sn19.Actors.Signing;
using static Sn19.Tests.Actors.Chain.Local.LocalChainFixture;

/// <summary>The local chain sets weights only for the hotkey's own signature, once, on its own subnet.</summary>
public sealed class WeightsSignatureTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly string V0 = TestKeys.Address("hot", 0);
    private static readonly string V1 = TestKeys.Address("hot", 1);

    [Fact]
    public async Task SignedByAnotherKey_BadSignatureAndNothingStored()
    {
        using var chain = await WithPermitsAsync(2, 3);
        var weights = await CurrentAsync(chain, V0, [2], [1]);
        var byOther = SignedWeightsSubmission.Sign(V1, weights) with { Hotkey = V0 };

        var result = await chain.SetWeightsAsync(byOther, None);

        Assert.Equal(ChainErrorCode.BadSignature, result.Error?.Code);
        Assert.Contains(V0, result.Error!.Message, StringComparison.Ordinal);
        Assert.Empty((await chain.GetWeightsAsync(None)).GetValueOrThrow()[0].Weights);
    }

    [Fact]
    public async Task ValuesChangedAfterSigning_BadSignature()
    {
        using var chain = await WithPermitsAsync(1, 3);
        var signed = SignedWeightsSubmission.Sign(V0, await CurrentAsync(chain, V0, [1, 2], [1, 2]));
        var tampered = signed with { Weights = signed.Weights with { Values = [2, 1] } };

        Assert.Equal(ChainErrorCode.BadSignature, (await chain.SetWeightsAsync(tampered, None)).Error?.Code);
        Assert.True((await chain.SetWeightsAsync(signed, None)).IsOk);
    }

    [Fact]
    public async Task ReplayAfterTheRateLimit_StaleWeights()
    {
        using var chain = await WithPermitsAsync(1, 3, Fast(rateLimit: 1));
        var signed = SignedWeightsSubmission.Sign(V0, await CurrentAsync(chain, V0, [1], [1]));
        Assert.True((await chain.SetWeightsAsync(signed, None)).IsOk);
        await AdvanceAsync(chain, 3);

        var replay = await chain.SetWeightsAsync(signed, None);

        Assert.Equal(ChainErrorCode.StaleWeights, replay.Error?.Code);
        Assert.Contains("sign again", replay.Error!.Message, StringComparison.Ordinal);
        Assert.True((await chain.SetWeightsAsync(V0, [2], [1], 0, None)).IsOk);
    }

    [Fact]
    public async Task SentAgainInTheBlockThatAppliedIt_RateLimitZero_CountsOnce()
    {
        // Regression (hardening issue, defect 7): with no rate limit a call signed against the last update
        // of the block that applied the previous one was accepted every time it was sent (200, 200, 200).
        using var chain = await WithPermitsAsync(1, 3, Fast(rateLimit: 0));
        Assert.True((await chain.SetWeightsAsync(SignedWeightsSubmission.Sign(V0, await CurrentAsync(chain, V0, [1], [1])), None)).IsOk);
        var again = SignedWeightsSubmission.Sign(V0, await CurrentAsync(chain, V0, [2], [1]));

        var codes = new List<ChainErrorCode?>();
        for (var i = 0; i < 3; i++)
        {
            codes.Add((await chain.SetWeightsAsync(again, None)).Error?.Code);
        }

        Assert.All(codes, code => Assert.Equal(ChainErrorCode.StaleWeights, code));
        Assert.Equal(1, (await chain.GetWeightsAsync(None)).GetValueOrThrow()[0].Weights.Single().Uid);
        await AdvanceAsync(chain, 1);
        Assert.True((await chain.SetWeightsAsync(SignedWeightsSubmission.Sign(V0, await CurrentAsync(chain, V0, [2], [1])), None)).IsOk);
    }

    [Fact]
    public async Task SignedForAnotherSubnet_BadSignature()
    {
        using var chain = await WithPermitsAsync(1, 2);
        var weights = await CurrentAsync(chain, V0, [1], [1]);
        var elsewhere = SignedWeightsSubmission.Sign(V0, weights with { Netuid = (ushort)(weights.Netuid + 1) });

        var result = await chain.SetWeightsAsync(elsewhere, None);

        Assert.Equal(ChainErrorCode.BadSignature, result.Error?.Code);
        Assert.Contains("netuid", result.Error!.Message, StringComparison.Ordinal);
    }

    private static async Task<WeightsToSign> CurrentAsync(IChain chain, string hotkey, ushort[] uids, ushort[] values)
    {
        var metagraph = (await chain.GetMetagraphAsync(None)).GetValueOrThrow();
        return new WeightsToSign(metagraph.Netuid, uids, values, 0, metagraph.Neurons.Single(n => n.Hotkey == hotkey).LastUpdate);
    }
}
