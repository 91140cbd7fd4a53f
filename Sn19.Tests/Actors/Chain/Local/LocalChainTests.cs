namespace Sn19.Tests.Actors.Chain.Local;

using Sn19.Actors.Chain;
using Sn19.Actors.Chain.Local;
using static Sn19.Tests.Actors.Chain.Local.LocalChainFixture;

public sealed class LocalChainTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Register_NewHotkeys_GetSequentialUidsAndAppearInMetagraph()
    {
        using var chain = InMemory();
        Assert.Equal(0, await RegisterAsync(chain, 0));
        Assert.Equal(1, await RegisterAsync(chain, 1));

        var m = (await chain.GetMetagraphAsync(None)).GetValueOrThrow();
        Assert.Equal([TestKeys.Address("hot", 0), TestKeys.Address("hot", 1)], m.Neurons.Select(n => n.Hotkey));
        Assert.Equal(TestKeys.Address("cold", 1), m.Neurons[1].Coldkey);
    }

    [Fact]
    public async Task Register_SameHotkeyTwice_AlreadyRegistered()
    {
        using var chain = InMemory();
        await RegisterAsync(chain, 0);
        var again = await chain.RegisterAsync(TestKeys.Address("hot", 0), TestKeys.Address("cold", 0), None);
        Assert.Equal(ChainErrorCode.AlreadyRegistered, again.Error?.Code);
    }

    [Fact]
    public async Task Register_NotAnAddress_InvalidAddress()
    {
        using var chain = InMemory();
        var result = await chain.RegisterAsync("alice", TestKeys.Alice, None);
        Assert.Equal(ChainErrorCode.InvalidAddress, result.Error?.Code);
    }

    [Fact]
    public async Task Register_FullAndAllImmune_SubnetFull()
    {
        using var chain = InMemory(Fast() with { MaxAllowedUids = 2 });
        await RegisterAsync(chain, 0);
        await RegisterAsync(chain, 1);
        var third = await chain.RegisterAsync(TestKeys.Address("hot", 2), TestKeys.Address("cold", 2), None);
        Assert.Equal(ChainErrorCode.SubnetFull, third.Error?.Code);
        Assert.Contains("immune", third.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_FullAfterImmunity_ReplacesLowestEmissionUid()
    {
        var hp = Fast() with { MaxAllowedUids = 4 };
        using var chain = await WithPermitsAsync(2, 2, hp);

        // Validator 0 weights miner 2 only; after an epoch miner 3 earns nothing and is the one to go.
        await AdvanceAsync(chain, hp.WeightsRateLimit);
        (await chain.SetWeightsAsync(TestKeys.Address("hot", 0), [2], [65535], 0, None)).GetValueOrThrow();
        (await chain.SetWeightsAsync(TestKeys.Address("hot", 1), [2], [65535], 0, None)).GetValueOrThrow();
        await AdvanceAsync(chain, hp.ImmunityPeriod + hp.Tempo);

        var uid = (await chain.RegisterAsync(TestKeys.Address("hot", 9), TestKeys.Address("cold", 9), None)).GetValueOrThrow();
        Assert.Equal(3, uid);
        var m = (await chain.GetMetagraphAsync(None)).GetValueOrThrow();
        Assert.Equal(TestKeys.Address("hot", 9), m.Neurons[3].Hotkey);
        Assert.Equal(m.Block, m.Neurons[3].RegisteredAt);
        Assert.Equal(0, m.Neurons[3].Incentive);
    }

    [Fact]
    public async Task Epoch_ValidatorsWeightMiner_PaysIncentiveAndGrowsStake()
    {
        var hp = Fast();
        using var chain = await WithPermitsAsync(2, 2, hp);
        var before = (await chain.GetMetagraphAsync(None)).GetValueOrThrow();
        Assert.True(before.Neurons[0].ValidatorPermit);
        Assert.False(before.Neurons[2].ValidatorPermit);

        await AdvanceAsync(chain, hp.WeightsRateLimit);
        (await chain.SetWeightsAsync(TestKeys.Address("hot", 0), [2, 3], [65535, 21845], 0, None)).GetValueOrThrow();
        (await chain.SetWeightsAsync(TestKeys.Address("hot", 1), [2, 3], [65535, 21845], 0, None)).GetValueOrThrow();
        await AdvanceAsync(chain, hp.Tempo);

        var m = (await chain.GetMetagraphAsync(None)).GetValueOrThrow();
        Assert.InRange(m.Neurons[2].Incentive + m.Neurons[3].Incentive, 65_533, 65_535);
        Assert.True(m.Neurons[2].Incentive > m.Neurons[3].Incentive);
        Assert.True(m.Neurons[0].ValidatorTrust > 65_000);
        Assert.True(m.Neurons[0].Dividends > 0);
        Assert.True(m.Neurons[2].StakeRao > 0, "the miner's emission is added to its stake");
        var epochs = (await chain.GetEpochsAsync(5, None)).GetValueOrThrow();
        Assert.Equal(2, epochs.Count);
        Assert.Equal(2, epochs[0].TopIncentiveUid);
    }

    [Fact]
    public async Task Epoch_MoreValidatorsThanPermits_LowestStakeLosesPermitAndItsWeightsStopCounting()
    {
        var hp = Fast() with { MaxAllowedValidators = 2 };
        using var chain = InMemory(hp);
        await RegisterAsync(chain, 0, 3_000_000_000_000);
        await RegisterAsync(chain, 1, 2_000_000_000_000);
        await RegisterAsync(chain, 2, 1_000_000_000_000);
        await RegisterAsync(chain, 3);
        await RegisterAsync(chain, 4);
        await AdvanceAsync(chain, hp.Tempo);

        var m = (await chain.GetMetagraphAsync(None)).GetValueOrThrow();
        Assert.Equal([true, true, false, false, false], m.Neurons.Select(n => n.ValidatorPermit));

        // Uid 2 has no permit: it may not weight others, and its stake gives it no dividends.
        Assert.Equal(ChainErrorCode.NoValidatorPermit, (await chain.SetWeightsAsync(TestKeys.Address("hot", 2), [4], [1], 0, None)).Error?.Code);
        (await chain.SetWeightsAsync(TestKeys.Address("hot", 0), [3], [1], 0, None)).GetValueOrThrow();
        (await chain.SetWeightsAsync(TestKeys.Address("hot", 1), [3], [1], 0, None)).GetValueOrThrow();
        await AdvanceAsync(chain, hp.Tempo);

        m = (await chain.GetMetagraphAsync(None)).GetValueOrThrow();
        Assert.True(m.Neurons[3].Incentive > 65_000);
        Assert.Equal(0, m.Neurons[4].Incentive);
        Assert.Equal(0, m.Neurons[2].Dividends);
        Assert.True(m.Neurons[0].Dividends > m.Neurons[1].Dividends);
    }

    [Fact]
    public async Task ServeAxon_Registered_ShowsInMetagraph_BadPortRefused()
    {
        using var chain = InMemory();
        await RegisterAsync(chain, 0);
        (await chain.ServeAxonAsync(TestKeys.Address("hot", 0), "127.0.0.1", 8091, None)).GetValueOrThrow();
        var bad = await chain.ServeAxonAsync(TestKeys.Address("hot", 0), "127.0.0.1", 0, None);
        var unknown = await chain.ServeAxonAsync(TestKeys.Address("hot", 5), "127.0.0.1", 8091, None);

        var n = (await chain.GetMetagraphAsync(None)).GetValueOrThrow().Neurons[0];
        Assert.Equal(("127.0.0.1", 8091), (n.AxonIp, n.AxonPort));
        Assert.Equal(ChainErrorCode.InvalidAxon, bad.Error?.Code);
        Assert.Equal(ChainErrorCode.NotRegistered, unknown.Error?.Code);
    }

    [Fact]
    public async Task Stake_AddAndRemove_TracksPerColdkeyAndRefusesOverdraw()
    {
        using var chain = InMemory();
        await RegisterAsync(chain, 0);
        var hot = TestKeys.Address("hot", 0);
        Assert.Equal(500UL, (await chain.AddStakeAsync(TestKeys.Alice, hot, 500, None)).GetValueOrThrow());
        Assert.Equal(800UL, (await chain.AddStakeAsync(TestKeys.Bob, hot, 300, None)).GetValueOrThrow());
        Assert.Equal(ChainErrorCode.InsufficientStake, (await chain.RemoveStakeAsync(TestKeys.Bob, hot, 301, None)).Error?.Code);
        Assert.Equal(500UL, (await chain.RemoveStakeAsync(TestKeys.Bob, hot, 300, None)).GetValueOrThrow());
        Assert.Equal(ChainErrorCode.InvalidAmount, (await chain.AddStakeAsync(TestKeys.Bob, hot, 0, None)).Error?.Code);
    }

    [Fact]
    public async Task Open_SameFileAgain_KeepsEveryPieceOfState()
    {
        var dir = Directory.CreateTempSubdirectory("sn19-chain-");
        try
        {
            var path = Path.Combine(dir.FullName, "chain.db");
            var hp = Fast();
            Metagraph before;
            using (var chain = LocalChain.Open(path, 1, hp))
            {
                for (var i = 0; i < 3; i++)
                {
                    await RegisterAsync(chain, i, i == 0 ? 1_000_000_000_000UL : 0);
                }

                await AdvanceAsync(chain, hp.Tempo);
                (await chain.ServeAxonAsync(TestKeys.Address("hot", 1), "10.0.0.7", 9000, None)).GetValueOrThrow();
                (await chain.SetWeightsAsync(TestKeys.Address("hot", 0), [1, 2], [65535, 100], 0, None)).GetValueOrThrow();
                await AdvanceAsync(chain, hp.Tempo);
                before = (await chain.GetMetagraphAsync(None)).GetValueOrThrow();
            }

            using var reopened = LocalChain.Open(path, 1, hp);
            var after = (await reopened.GetMetagraphAsync(None)).GetValueOrThrow();
            Assert.Equal(before.Block, after.Block);
            Assert.Equal(before.LastEpochBlock, after.LastEpochBlock);
            Assert.Equal(before.Neurons, after.Neurons);
            var weights = (await reopened.GetWeightsAsync(None)).GetValueOrThrow();
            Assert.Equal([new UidValue(1, 65535), new UidValue(2, 100)], weights[0].Weights);
            Assert.Equal(2, (await reopened.GetEpochsAsync(10, None)).GetValueOrThrow().Count);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            dir.Delete(recursive: true);
        }
    }
}
