namespace Sn19.Tests.Actors.Chain.Local;

using static Sn19.Tests.Actors.Chain.Local.LocalChainFixture;

/// <summary><see cref="Sn19.Actors.Chain.Local.LocalChain.RunAsync"/> on fake time: one block per block time, epochs at tempo.</summary>
public sealed class BlockProductionTests
{
    private static readonly TimeSpan BlockTime = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task RunAsync_FakeTimeAdvances_OneBlockPerBlockTimeAndEpochAtTempo()
    {
        var time = new ManualTimeProvider();
        using var chain = InMemory(Fast(tempo: 3));
        await RegisterAsync(chain, 0, 1_000_000_000);
        using var cts = new CancellationTokenSource();
        var loop = chain.RunAsync(BlockTime, time, cts.Token);

        await UntilAsync(() => time.PendingTimers == 1);
        time.Advance(BlockTime / 2);
        Assert.Equal(0UL, (await chain.GetBlockAsync(CancellationToken.None)).GetValueOrThrow());

        for (ulong expected = 1; expected <= 3; expected++)
        {
            await UntilAsync(() => time.PendingTimers == 1);
            time.Advance(expected == 1 ? BlockTime / 2 : BlockTime);
            var target = expected;
            await UntilAsync(async () => (await chain.GetBlockAsync(CancellationToken.None)).GetValueOrThrow() == target);
        }

        var epochs = (await chain.GetEpochsAsync(10, CancellationToken.None)).GetValueOrThrow();
        Assert.Equal(3UL, Assert.Single(epochs).Block);
        var metagraph = (await chain.GetMetagraphAsync(CancellationToken.None)).GetValueOrThrow();
        Assert.True(metagraph.Neurons[0].ValidatorPermit);

        await cts.CancelAsync();
        await loop;
    }

    private static Task UntilAsync(Func<bool> condition) => UntilAsync(() => Task.FromResult(condition()));

    private static async Task UntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not reached within 10 s");
            await Task.Delay(5);
        }
    }
}
