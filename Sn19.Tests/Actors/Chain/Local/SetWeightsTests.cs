namespace Sn19.Tests.Actors.Chain.Local;

using FsCheck;
using FsCheck.Fluent;
using Sn19.Actors.Chain;
using static Sn19.Tests.Actors.Chain.Local.LocalChainFixture;

public sealed class SetWeightsTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly string V0 = TestKeys.Address("hot", 0);

    [Fact]
    public void SetWeights_InsideRateLimit_RefusedWithClearError()
    {
        // For any rate limit r and any wait k: k < r blocks after the last set-weights is refused with
        // RateLimited naming the next allowed block; k ≥ r is accepted.
        var gen =
            from rate in Gen.Choose(1, 30)
            from wait in Gen.Choose(0, 40)
            select (rate: (ulong)rate, wait: (ulong)wait);

        Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var hp = Fast(tempo: 3, rateLimit: c.rate);
            using var chain = WithPermitsAsync(1, 2, hp).GetAwaiter().GetResult();
            chain.SetWeightsAsync(V0, [1, 2], [65535, 30000], 0, None).GetAwaiter().GetResult().GetValueOrThrow();
            var setAt = chain.GetBlockAsync(None).GetAwaiter().GetResult().GetValueOrThrow();
            AdvanceAsync(chain, c.wait).GetAwaiter().GetResult();

            var again = chain.SetWeightsAsync(V0, [1, 2], [1, 2], 0, None).GetAwaiter().GetResult();
            if (c.wait < c.rate)
            {
                Assert.Equal(ChainErrorCode.RateLimited, again.Error?.Code);
                Assert.Contains($"next is allowed at block {setAt + c.rate}", again.Error!.Message, StringComparison.Ordinal);
            }
            else
            {
                Assert.True(again.IsOk, again.Error?.ToString());
            }
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(60).WithReplay(42, 43));
    }

    [Fact]
    public async Task SetWeights_Accepted_StoresMaxUpscaledValuesAndLastUpdate()
    {
        using var chain = await WithPermitsAsync(1, 3);
        Assert.True((await chain.SetWeightsAsync(V0, [1, 2, 3], [2, 1, 0], 0, None)).IsOk);

        var row = (await chain.GetWeightsAsync(None)).GetValueOrThrow()[0];
        Assert.Equal([new UidValue(1, 65535), new UidValue(2, 32768), new UidValue(3, 0)], row.Weights);
        Assert.Equal((await chain.GetBlockAsync(None)).GetValueOrThrow(), row.LastUpdate);
    }

    [Fact]
    public async Task SetWeights_VersionKeyBelowSubnet_VersionKeyTooLow()
    {
        using var chain = await WithPermitsAsync(1, 2, Fast() with { WeightsVersionKey = 7_000_000 });
        var result = await chain.SetWeightsAsync(V0, [1], [1], 6_999_999, None);
        Assert.Equal(ChainErrorCode.VersionKeyTooLow, result.Error?.Code);
        Assert.True((await chain.SetWeightsAsync(V0, [1], [1], 7_000_000, None)).IsOk);
    }

    [Fact]
    public async Task SetWeights_SelfAmongOthers_SelfWeight_SelfAloneAccepted()
    {
        using var chain = await WithPermitsAsync(1, 2);
        Assert.Equal(ChainErrorCode.SelfWeight, (await chain.SetWeightsAsync(V0, [0, 1], [1, 1], 0, None)).Error?.Code);
        Assert.True((await chain.SetWeightsAsync(V0, [0], [1], 0, None)).IsOk);
    }

    [Fact]
    public async Task SetWeights_MinerWithoutPermit_NoValidatorPermitButSelfWeightAllowed()
    {
        using var chain = await WithPermitsAsync(1, 2);
        var miner = TestKeys.Address("hot", 1);
        Assert.Equal(ChainErrorCode.NoValidatorPermit, (await chain.SetWeightsAsync(miner, [2], [1], 0, None)).Error?.Code);
        Assert.True((await chain.SetWeightsAsync(miner, [1], [1], 0, None)).IsOk);
    }

    [Theory]
    [InlineData(new ushort[] { 1, 9 }, new ushort[] { 1, 1 }, ChainErrorCode.UnknownUid)]
    [InlineData(new ushort[] { 1, 1 }, new ushort[] { 1, 1 }, ChainErrorCode.DuplicateUid)]
    [InlineData(new ushort[] { 1, 2 }, new ushort[] { 1 }, ChainErrorCode.LengthMismatch)]
    [InlineData(new ushort[] { 1, 2, 0, 1, 2 }, new ushort[] { 1, 1, 1, 1, 1 }, ChainErrorCode.TooManyWeights)]
    public async Task SetWeights_MalformedVector_Refused(ushort[] uids, ushort[] values, ChainErrorCode expected)
    {
        using var chain = await WithPermitsAsync(1, 2);
        Assert.Equal(expected, (await chain.SetWeightsAsync(V0, uids, values, 0, None)).Error?.Code);
    }

    [Fact]
    public async Task SetWeights_FewerThanMinAllowed_TooFewWeights()
    {
        using var chain = await WithPermitsAsync(1, 3, Fast() with { MinAllowedWeights = 2 });
        var result = await chain.SetWeightsAsync(V0, [1], [1], 0, None);
        Assert.Equal(ChainErrorCode.TooFewWeights, result.Error?.Code);
    }

    [Fact]
    public async Task SetWeights_AboveMaxWeightLimit_MaxWeightExceeded()
    {
        using var chain = await WithPermitsAsync(1, 3, Fast() with { MaxWeightsLimit = 32_768 });
        Assert.Equal(ChainErrorCode.MaxWeightExceeded, (await chain.SetWeightsAsync(V0, [1, 2], [3, 1], 0, None)).Error?.Code);
        Assert.True((await chain.SetWeightsAsync(V0, [1, 2], [1, 1], 0, None)).IsOk);
    }

    [Fact]
    public async Task SetWeights_UnknownHotkey_NotRegistered()
    {
        using var chain = await WithPermitsAsync(1, 1);
        Assert.Equal(ChainErrorCode.NotRegistered, (await chain.SetWeightsAsync(TestKeys.Alice, [0], [1], 0, None)).Error?.Code);
    }
}
